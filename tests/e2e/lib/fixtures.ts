/** The static server every e2e file shares, and the URLs of the pages the tests read. */
import { after, before } from 'node:test';
import { type StaticServer, startStaticServer } from '../../../scripts/lib/static-server';

export const DEMO_PATH = '/demo/nato-russia.html';

/** Starts the fixture server before the file's tests and stops it after; `url(path)` builds URLs. */
export function useServer(): { url: (path: string) => string } {
  let server: StaticServer | undefined;
  before(async () => {
    server = await startStaticServer();
  });
  after(async () => {
    await server?.close();
  });
  return {
    url: (path: string) => {
      if (!server) throw new Error('server not started');
      return server.url + path;
    },
  };
}
