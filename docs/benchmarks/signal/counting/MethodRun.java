import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.methods.signal.disproportionality.DisproportionalityMethod;

/**
 * One whole process of signal.disproportionality outside OSGi: the CSV read by Daybreak's CsvReader into Arrow, the
 * method applied as the runtime applies it (parameters bound by its descriptor), the signals table's size printed.
 *   java -cp <classes>:<jars> MethodRun FILE [key=value ...]
 */
public final class MethodRun {
    public static void main(String[] args) throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            raw.put(kv[0], kv[1]);
        }
        DisproportionalityMethod method = new DisproportionalityMethod();
        try (BufferAllocator allocator = new RootAllocator(); Table data = CsvReader.read(Path.of(args[0]), allocator)) {
            MethodContext context = new MethodContext() {
                public BufferAllocator allocator() {
                    return allocator;
                }

                public long seed() {
                    return 1;
                }

                public UniformRandomProvider random(long index) {
                    throw new UnsupportedOperationException();
                }

                public void progress(double fraction, String message) {
                }

                public boolean isCancelled() {
                    return false;
                }

                public void checkCancelled() {
                }

                public System.Logger logger() {
                    return System.getLogger("MethodRun");
                }
            };
            MethodResult result = method.apply(Map.of("data", data), Parameters.bind(method.descriptor(), raw), context);
            System.out.println(result.summary());
            result.outputs().values().forEach(Table::close);
        }
    }
}
