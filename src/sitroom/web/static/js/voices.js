// Who speaks in a claim and what it states, read from the article's extraction: the claimant
// with the party they speak for ("Zabihullah Mujahid, Taliban"), and the claim's proposition
// ("Taliban captured Panjshir") where the extraction has one. A claim with no claimant in the
// text is the outlet's own voice. Extractions without these fields give the claimant as stored.

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

function entityNamed(x, value) {
  const wanted = String(value).toLowerCase();
  return (x.entities || []).find((e) => e.id === value || (e.name || '').toLowerCase() === wanted) || null;
}

// "Name, Party", the name alone, or null when the text names no claimant.
export async function claimantLabel(documentId, claimId, claimant) {
  const x = await extraction(documentId);
  const claim = x ? (x.claims || []).find((c) => c.id === claimId) : null;
  const name = claimant || (claim && claim.claimant_text) || null;
  if (!x || !name) return name;
  const byId = new Map((x.entities || []).map((e) => [e.id, e]));
  const entity = entityNamed(x, name);
  // The party the claimant speaks for: the claim's side when the extraction gives one, else
  // the organisation the claimant's entity is affiliated with.
  const partyId = (claim && claim.side) || (entity && entity.affiliation) || null;
  const party = partyId ? byId.get(partyId) : null;
  const shown = entity ? entity.name : name;
  return party && party.name && party.name.toLowerCase() !== shown.toLowerCase() ? `${shown}, ${party.name}` : shown;
}

// The proposition's words of a claim, or null.
export async function propositionText(documentId, claimId) {
  const x = await extraction(documentId);
  const claim = x ? (x.claims || []).find((c) => c.id === claimId) : null;
  return claim && claim.proposition && claim.proposition.text ? claim.proposition.text : null;
}

export function forgetVoices() {
  documents.clear();
}
