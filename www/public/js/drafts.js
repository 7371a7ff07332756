// Unsent answers, kept per dispute in localStorage until the answer is submitted (or the
// dispute is conceded), so that a reload or a detour to the list loses nothing.

const key = (disputeId) => `omise-demo:draft:${disputeId}`;

/** The draft `{ message, metadata: [[k, v], …] }` of a dispute, or null. */
export function loadDraft(disputeId) {
  try {
    const v = JSON.parse(localStorage.getItem(key(disputeId)) || 'null');
    return v && typeof v.message === 'string' && Array.isArray(v.metadata) ? v : null;
  } catch {
    return null;
  }
}

export function saveDraft(disputeId, draft) {
  try {
    localStorage.setItem(key(disputeId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lives only in the form.
  }
}

export function clearDraft(disputeId) {
  try {
    localStorage.removeItem(key(disputeId));
  } catch {
    // nothing to clear
  }
}
