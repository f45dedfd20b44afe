import type { PresenceLine } from '../presence-words.js';

/** Presence beside a visit's status tag, one line a person; someone waiting stands out. */
export function PresenceLines({ lines }: { lines: PresenceLine[] }) {
  return (
    <>
      {lines.map((line) => (
        <span key={line.text} class={line.waiting ? 'app-presence app-presence--waiting' : 'app-presence'}>
          {line.text}
        </span>
      ))}
    </>
  );
}
