/**
 * Fixture answers in the documented shapes of Wikipedia's APIs, written for these tests (not
 * copied from Wikipedia): page facts for action=query, search results, REST summaries.
 */

/** A page as action=query reports it. */
export interface FixturePage {
  title: string;
  description: string;
  disambiguation?: boolean;
}

const page = (title: string, description: string, disambiguation = false): [string, FixturePage] => [
  title,
  { title, description, disambiguation },
];

export const PAGES: Record<string, FixturePage> = Object.fromEntries([
  page('Yulia Skripal', 'Russian woman poisoned in England in 2018 (born 1984)'),
  page('Salisbury', 'Topics referred to by the same term', true),
  page('Salisbury, Wiltshire', 'Cathedral city in Wiltshire, England'),
  page('Salisbury, Maryland', 'City in Maryland, United States'),
  page('Robert Cecil, 3rd Marquess of Salisbury', 'British statesman and prime minister (1830–1903)'),
  page('Salisbury Cathedral', 'Anglican cathedral in Salisbury, England'),
  page('NATO', 'Intergovernmental military alliance'),
  page('Porton Down', 'Science park in Wiltshire, England'),
  page('Quiet Village', 'Village in a fictional county'),
  page('Hidden Page', 'A page that the REST API cannot find'),
  page('Busy Name', 'Person used to test rate limits (born 1970)'),
  page('Flaky Name', 'Person used to test server errors (born 1971)'),
  page('Broken Name', 'Person whose summary always fails (born 1972)'),
  page('Stalling Name', 'Person whose summary never arrives (born 1973)'),
  page('Malformed Name', 'Person whose summary is cut short (born 1974)'),
  page('Huge Name', 'Person whose summary is five megabytes (born 1975)'),
  page('Html Name', 'Person whose summary is a web page (born 1976)'),
  page('Script Name', 'Person whose extract carries markup (born 1977)'),
  page('Hidden Disambiguation', 'Person the query thinks is one page (born 1978)'),
  page('Vladimir Putin', 'President of Russia since 2012'),
]);

/** Titles that redirect (both in action=query with redirects=1 and in the REST API). */
export const REDIRECTS: Record<string, string> = {
  Nato: 'NATO',
  'North Atlantic Alliance': 'NATO',
  // The New York Times' spelling.
  'Vladimir V. Putin': 'Vladimir Putin',
};

/** Search results by query text, best first. */
export const SEARCH: Record<string, string[]> = {
  Salisbury: [
    'Salisbury, Maryland',
    'Salisbury Cathedral',
    'Salisbury, Wiltshire',
    'Robert Cecil, 3rd Marquess of Salisbury',
    'Salisbury',
  ],
  'Hidden Disambiguation': ['Salisbury, Wiltshire', 'Salisbury, Maryland'],
  'Nobody Atall': [],
};

const summary = (title: string, description: string, extract: string, extra: Record<string, unknown> = {}) => ({
  type: 'standard',
  title,
  displaytitle: title,
  description,
  extract,
  content_urls: { desktop: { page: `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}` } },
  ...extra,
});

export const SUMMARIES: Record<string, unknown> = {
  'Yulia Skripal': summary(
    'Yulia Skripal',
    'Russian woman poisoned in England in 2018',
    'Yulia Skripal is a test fixture person who was taken ill in a park.',
    {
      wikibase_item: 'Q90000001',
      thumbnail: {
        source: 'https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Fixture.jpg/320px-Fixture.jpg',
        width: 320,
        height: 400,
      },
    },
  ),
  Salisbury: {
    type: 'disambiguation',
    title: 'Salisbury',
    description: 'Topics referred to by the same term',
    extract: 'Salisbury may refer to:',
  },
  'Salisbury, Wiltshire': summary(
    'Salisbury, Wiltshire',
    'Cathedral city in Wiltshire, England',
    'A fixture city on a river, known for its cathedral.',
    { wikibase_item: 'Q90000002' },
  ),
  'Salisbury, Maryland': summary(
    'Salisbury, Maryland',
    'City in Maryland, United States',
    'A fixture city on the Eastern Shore.',
    { wikibase_item: 'Q90000003' },
  ),
  NATO: summary(
    'NATO',
    'Intergovernmental military alliance',
    'A fixture alliance of states in Europe and North America.',
    {
      wikibase_item: 'Q90000004',
      // Not on upload.wikimedia.org: must not become the card's image.
      thumbnail: { source: 'https://images.example.test/nato.png', width: 100, height: 100 },
    },
  ),
  'Porton Down': summary(
    'Porton Down',
    'Science park in Wiltshire, England',
    'A fixture science park. It has no picture.',
  ),
  'Quiet Village': summary('Quiet Village', 'Village in a fictional county', 'A fixture village.'),
  'Busy Name': summary('Busy Name', 'Person used to test rate limits', 'Answered after a 429.'),
  'Flaky Name': summary('Flaky Name', 'Person used to test server errors', 'Answered after a 503.'),
  'Script Name': summary(
    'Script Name',
    'Person whose extract <b>carries</b> markup',
    'Before <script>alert("x")</script>the <i>markup</i> and <a href="javascript:alert(1)">a link</a>.',
    { content_urls: { desktop: { page: 'javascript:alert(1)' } } },
  ),
  'Hidden Disambiguation': { type: 'disambiguation', title: 'Hidden Disambiguation', extract: 'It may refer to:' },
  'Robert Cecil, 3rd Marquess of Salisbury': summary(
    'Robert Cecil, 3rd Marquess of Salisbury',
    'British statesman and prime minister (1830–1903)',
    'A fixture statesman.',
    { wikibase_item: 'Q90000099' },
  ),
  'Vladimir Putin': summary('Vladimir Putin', 'President of Russia since 2012', 'Fixture text from Wikipedia.', {
    wikibase_item: 'Q7747',
  }),
};
