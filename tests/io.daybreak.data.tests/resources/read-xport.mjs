// Reads a SAS transport (XPORT version 5) file with an independent reader, xport-js on npm, and prints its
// dataset, variables (name, label, type, length, format) and rows as JSON, so a Java test can compare them with
// what it wrote. Numbers are JavaScript numbers (null for SAS missing values); text is as xport-js returns it
// (decoded as UTF-8, blanks trimmed at both ends). xport-js does not know a version 5 file's row count: the blank
// padding of the last 80-byte record can follow the rows as extra rows, which the test ignores.
// Usage: node read-xport.mjs <node_modules dir> <file.xpt>
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.argv[2], 'noop.js'));
const Library = require('xport-js').default;
const library = new Library(process.argv[3]);
const variables = await library.getMetadata();
const member = library.members[0];
const rows = [];
for await (const row of library.read({ rowFormat: 'array', skipHeader: true, encoding: 'utf8' })) {
  rows.push(row);
}
console.log(JSON.stringify({
  dataset: member.name,
  label: member.label,
  sasVersion: library.getHeader().sasVer,
  variables: variables.map(v => ({
    name: v.name, label: v.label, type: v.type, length: v.length, format: v.format ?? null,
  })),
  rows,
}));
