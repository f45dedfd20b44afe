/**
 * What each audit action means, in words. The server names actions "thing.what-happened";
 * one not listed here still reads sensibly ("ward.pin-reset" → "Ward pin reset"), so a new
 * server action never shows as code.
 */
const LABELS: Record<string, string> = {
  'admin.invited': 'Admin invited',
  'admin.set-up-link-renewed': 'New set-up link made',
  'admin.password-set': 'Password chosen from a set-up link',
  'admin.second-factor-set-up': 'Authenticator app set up',
  'admin.signed-in': 'Signed in',
  'admin.signed-in-with-recovery-code': 'Signed in with a recovery code',
  'admin.signed-out': 'Signed out',
  'admin.password-changed': 'Password changed',
  'hospital.created': 'Hospital added',
  'hospital.renamed': 'Hospital renamed',
  'ward.created': 'Ward added',
  'ward.changed': 'Ward details changed',
  'ward.pin-reset': 'Ward PIN reset',
  'ward.archived': 'Ward archived',
  'ward.unarchived': 'Ward unarchived',
};

export function auditActionLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const words = action.replace(/[._-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
