/**
 * The hover card's UI script. Not in the manifest: the worker injects it (loadCardUi) into a page
 * whose article script has marks, and it hands the UI over to that script (lib/dom/card-ui-slot.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

export default defineUnlistedScript(async () => {
  // Imported here so nothing but registration data is evaluated at build time.
  const [{ cardUi }, { offerCardUi }] = await Promise.all([
    import('../components/card-ui'),
    import('../lib/dom/card-ui-slot'),
  ]);
  offerCardUi(cardUi);
});
