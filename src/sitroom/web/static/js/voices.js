// Who speaks in a claim, named as an analyst would forward it: the claimant with the
// organisation they belong to ("Zabihullah Mujahid, Taliban"), read from the article's
// extraction; a claim with no claimant in the text is the outlet's own voice.

import { getJSON } from './api.js';

const documents = new Map();

function extraction(documentId) {
  if (!documents.has(documentId)) {
    documents.set(documentId, getJSON(`/api/documents/${encodeURIComponent(documentId)}`)
      .then((detail) => detail.extraction)
      .catch(() => null));
  }
  return documents.get(documentId);
}

// "Name, Affiliation", the name alone, or null when the text names no claimant.
export async function claimantLabel(documentId, claimant) {
  if (!claimant) return null;
  const x = await extraction(documentId);
  if (!x) return claimant;
  const byId = new Map((x.entities || []).map((e) => [e.id, e]));
  const wanted = claimant.toLowerCase();
  const entity = (x.entities || []).find((e) => e.id === claimant || (e.name || '').toLowerCase() === wanted);
  const name = entity ? entity.name : claimant;
  const group = entity && entity.affiliation ? byId.get(entity.affiliation) : null;
  return group && group.name && group.name !== name ? `${name}, ${group.name}` : name;
}

export function forgetVoices() {
  documents.clear();
}
