import { NotifyError } from './errors.js';
import { pythonUuid } from './python-values.js';
import { serialise, type NotificationStore } from './store.js';
import { LIST_SCHEMA, validate } from './validation.js';

/**
 * GET /v2/notifications/{id} and GET /v2/notifications (alphagov/notifications-api
 * app/v2/notifications/get_notifications.py).
 */

/** API_PAGE_SIZE in Notify's config. */
export const PAGE_SIZE = 250;

export function getNotification(store: NotificationStore, baseUrl: string, rawId: string): object {
  const id = pythonUuid(rawId);
  if (!id) throw NotifyError.of(400, 'ValidationError', 'notification_id is not a valid UUID');
  const notification = store.get(id);
  // SQLAlchemy's NoResultFound, answered by its class name.
  if (!notification) throw NotifyError.of(404, 'NoResultFound', 'No result found');
  return serialise(notification, baseUrl);
}

/** Flask's `args.to_dict(flat=False)`, keeping only the first older_than, reference and include_jobs. */
function queryFields(query: URLSearchParams): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    fields[name] = ['older_than', 'reference', 'include_jobs'].includes(name) ? (values[0] ?? '') : values;
  }
  return fields;
}

function link(baseUrl: string, fields: Record<string, string | string[]>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) query.append(name, item);
  const text = query.toString();
  return `${baseUrl}/v2/notifications${text ? `?${text}` : ''}`;
}

export function listNotifications(store: NotificationStore, baseUrl: string, query: URLSearchParams): object {
  const fields = queryFields(query);
  validate(fields, LIST_SCHEMA);
  const list = (name: string) => (Array.isArray(fields[name]) ? (fields[name] as string[]) : undefined);
  const one = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const olderThan = one('older_than');
  const page = store.list(
    {
      types: list('template_type'),
      statuses: list('status'),
      reference: one('reference'),
      olderThan: olderThan === undefined ? undefined : (pythonUuid(olderThan) ?? olderThan),
    },
    PAGE_SIZE,
  );
  const last = page.at(-1);
  // Notify offers a next page whenever this one is not empty, even when nothing is left.
  const links = { current: link(baseUrl, fields), ...(last ? { next: link(baseUrl, { ...fields, older_than: last.id }) } : {}) };
  return { notifications: page.map((n) => serialise(n, baseUrl)), links };
}
