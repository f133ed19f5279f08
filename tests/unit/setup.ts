// Every unit test gets a fresh in-memory IndexedDB, the same API Dexie uses in the extension.
import 'fake-indexeddb/auto';
