// Parquet through another implementation: parquet-wasm (arrow-rs's Parquet crate compiled to WebAssembly) with the
// JavaScript Arrow implementation (apache-arrow), both from npm.
//   node parquet-interop.mjs <node_modules dir> write <out.parquet>  writes a known table (printed as JSON too)
//   node parquet-interop.mjs <node_modules dir> read <in.parquet>    prints the file's schema and columns as JSON
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.argv[2], 'noop.js'));
const arrow = require('apache-arrow');
const parquet = require('parquet-wasm');
const [mode, file] = process.argv.slice(3);

function field(name, type, metadata) {
  return new arrow.Field(name, type, true, new Map(Object.entries(metadata ?? {})));
}

function vector(type, values) {
  const builder = arrow.makeBuilder({ type, nullValues: [null] });
  for (const value of values) builder.append(value);
  return builder.finish().toVector();
}

function describe(table) {
  const columns = {};
  for (const f of table.schema.fields) {
    const v = table.getChild(f.name);
    columns[f.name] = Array.from({ length: v.length }, (_, i) => {
      const x = v.get(i);
      if (typeof x === 'bigint') return x.toString();
      if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
      return x;
    });
  }
  return {
    rows: table.numRows,
    metadata: Object.fromEntries(table.schema.metadata),
    fields: table.schema.fields.map(f => ({
      name: f.name, type: String(f.type), nullable: f.nullable, metadata: Object.fromEntries(f.metadata),
    })),
    columns,
  };
}

if (mode === 'write') {
  const DAY = 86400000;
  const specs = [
    [field('USUBJID', new arrow.Utf8(), { 'cdisc.label': 'Unique Subject Identifier' }), ['S-001', null, 'S-ü03', '']],
    [field('AGE', new arrow.Int64(), { 'cdisc.label': 'Age' }), [61n, 47n, null, 9007199254740993n]],
    [field('DOSE', new arrow.Int32()), [10, null, -3, 2147483647]],
    [field('AVAL', new arrow.Float64(), { 'cdisc.label': 'Analysis Value' }), [1.5, null, -0.125, Infinity]],
    [field('WEIGHT', new arrow.Float32()), [70.5, 80.25, null, 0.1]],
    [field('CNSR', new arrow.Bool()), [true, false, null, true]],
    [field('TRTSDT', new arrow.DateDay()), [new Date(19000 * DAY), null, new Date(0), new Date(-DAY)]],
    [field('ADTM', new arrow.TimestampMicrosecond()), [Date.UTC(2024, 0, 2, 3, 4, 5, 250), null, 0, Date.UTC(1999, 11, 31, 23, 59, 59)]],
    [field('x', new arrow.Int32()), [1, 2, 3, 4]],
    [field('X', new arrow.Int32()), [5, 6, 7, 8]],
  ];
  const schema = new arrow.Schema(specs.map(([f]) => f), new Map([['study', 'DAYBREAK-01'], ['cdisc.name', 'ADSL']]));
  const data = arrow.makeData({
    type: new arrow.Struct(schema.fields), length: 4, nullCount: 0,
    children: specs.map(([f, values]) => vector(f.type, values).data[0]),
  });
  const table = new arrow.Table(schema, new arrow.RecordBatch(schema, data));
  const wasmTable = parquet.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  const properties = new parquet.WriterPropertiesBuilder().setCompression(parquet.Compression.SNAPPY).build();
  writeFileSync(file, parquet.writeParquet(wasmTable, properties));
  console.log(JSON.stringify(describe(table)));
} else if (mode === 'read') {
  const table = arrow.tableFromIPC(parquet.readParquet(readFileSync(file)).intoIPCStream());
  console.log(JSON.stringify(describe(table)));
} else {
  console.error('usage: parquet-interop.mjs <node_modules> write|read <file>');
  process.exit(2);
}
