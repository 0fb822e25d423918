// What the app keeps in the browser's database, read as a test sees it.

/** Every record in the app's database (IndexedDB `tally`, store `records`),
 * by key, each value as an array of bytes. */
export function databaseRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('tally');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('records').objectStore('records');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        const found = {};
        keys.result.forEach((key, i) => { found[key] = Array.from(values.result[i]); });
        open.result.close();
        resolve(found);
      };
      values.onerror = () => reject(values.error);
    };
  }));
}
