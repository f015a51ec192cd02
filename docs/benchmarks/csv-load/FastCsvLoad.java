import java.io.IOException;
import java.nio.file.Path;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** FastCSV 3.x streaming: each record's fields as Strings, parsed into the vectors (see CsvLoadBench). */
final class FastCsvLoad {
    private FastCsvLoad() {
    }

    static long load(Path file, CsvLoadBench.Vectors v) throws IOException {
        long row = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                v.set((int) row++, record.getField(0), record.getField(1), record.getField(2), record.getField(3),
                        record.getField(4), record.getField(5), record.getField(6));
            }
        }
        v.count((int) row);
        return row;
    }
}
