// The words at a name's edges, in sentences of our own modelled on the shared pages (webmd-1,
// seattletimes-1, guardian-1, telegraph, tmz-1): what the tagger takes into a name, or leaves out of it.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadDetectorFromDisk } from '../../../lib/nlp/load-node';
import type { Detector } from '../../../lib/nlp/detector';

let detector: Detector;

beforeAll(async () => {
  detector = await loadDetectorFromDisk(path.resolve('public/model'));
});

/** What the detector marks in `text`, as "kind:text". */
function marked(text: string): string[] {
  const r = detector.spot([text]);
  const kinds = new Map(r.entities.map((e) => [e.key, e.kind]));
  return r.spans.map((s) => `${kinds.get(s.entityKey)}:${text.slice(s.start, s.end)}`);
}

describe("a name's edges", () => {
  it("leaves a doctor's letters out and keeps a body named for the people it serves whole", () => {
    const found = marked(
      "Katie Allen, MD, a researcher at the Murdoch Children's Research Institute in Melbourne, led the study.",
    );
    expect(found).toContain('person:Katie Allen');
    expect(found).toContain("organization:Murdoch Children's Research Institute");
    expect(found.some((f) => f.endsWith(':MD'))).toBe(false);
    expect(found.some((f) => f.endsWith(':Research Institute'))).toBe(false);
  });

  it('takes no sentence-opening preposition into a name, and keeps names that start with one', () => {
    const found = marked(
      'From Kodiak, the boat sailed south to Seattle. Under Armour reported higher sales. Near East experts met.',
    );
    expect(found.some((f) => f.includes('From'))).toBe(false);
    expect(found.some((f) => f.endsWith(':Kodiak'))).toBe(true);
    expect(found).toContain('organization:Under Armour');
    expect(found).toContain('place:Near East');
  });

  it('gives a waterway or lock its place and a project its organisation', () => {
    const found = marked(
      'Boats use the Inside Passage and pass the Ballard Locks on the way to Seattle. Volunteers from Project Jonah helped.',
    );
    expect(found).toContain('place:Inside Passage');
    expect(found).toContain('place:Ballard Locks');
    expect(found).toContain('organization:Project Jonah');
  });

  it('reads a holiday and a shop written in the possessive as no person', () => {
    const found = marked('Fish for Easter and Mother’s Day sold well, and Sam’s Club and Costco sell it.');
    expect(found).toContain('organization:Sam’s Club');
    expect(found.some((f) => f.endsWith(':Mother') || f.endsWith(':Sam'))).toBe(false);
  });

  it('takes a name after what a person is, in lower case, for a person', () => {
    const found = marked('The rapper Drake and the singer Adele performed. The novelist Paris Hilton spoke.');
    expect(found).toEqual(['person:Drake', 'person:Adele', 'person:Paris Hilton']);
  });

  it('gives a one-word name the kind its surroundings say', () => {
    const found = marked("Mugabe's wife, Grace, spoke. His first wife, Sally, was dying. Her Oscar dress was stolen.");
    expect(found).toContain('person:Sally');
    // Set off by commas after a kin word, a name a country also has is the person's.
    expect(marked('His son, Jordan, spoke first.')).toContain('person:Jordan');
    expect(found.some((f) => f.endsWith(':Oscar'))).toBe(false);
    expect(marked('Tony Blair won.')).toContain('person:Tony Blair');
    const party = marked("Mnangagwa rose through the ranks of Mugabe's ruling Zanu-PF in the last two years.");
    expect(party).toContain('organization:Zanu-PF');
  });
});
