// Reads an Arrow IPC file with the JavaScript Arrow implementation (apache-arrow on npm) and prints
// its schema and columns as JSON, so a Java test can compare them with what it wrote.
// Usage: node read-arrow.mjs <node_modules dir> <file.arrow>
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.argv[2], 'noop.js'));
const { tableFromIPC } = require('apache-arrow');
const table = tableFromIPC(readFileSync(process.argv[3]));
const columns = {};
for (const field of table.schema.fields) {
  const vector = table.getChild(field.name);
  columns[field.name] = Array.from({ length: vector.length }, (_, i) => {
    const v = vector.get(i);
    return typeof v === 'bigint' ? v.toString() : v;
  });
}
console.log(JSON.stringify({
  rows: table.numRows,
  fields: table.schema.fields.map(f => ({ name: f.name, type: String(f.type), nullable: f.nullable })),
  columns,
}));
