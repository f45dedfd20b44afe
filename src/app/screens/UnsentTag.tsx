import { Tag } from '../../ui/index.js';
import type { ListedVisit } from '../../visits/index.js';

/** Rows only on this tablet say so; a refused change says it was not accepted. */
export function UnsentTag({ visit }: { visit: ListedVisit }) {
  if (!visit.unsent) return null;
  return visit.unsent.refusal ? <Tag colour="red">Not accepted</Tag> : <Tag colour="yellow">Not sent yet</Tag>;
}
