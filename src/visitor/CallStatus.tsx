/**
 * The connection in words ("Connecting…", "Reconnecting…"), in a live region that is always
 * there, so a screen reader announces each change and the layout does not jump.
 */
export function CallStatus({ text }: { text: string }) {
  return (
    <p class="nhsuk-body app-visitor-status" role="status">
      {text}
    </p>
  );
}
