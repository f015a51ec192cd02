package io.daybreak.methods.signal.disproportionality;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.disproportionality.PairStatistics;

/** The "signals" table of the contract: one row per drug–event pair, undefined statistics null. */
final class SignalsTable {
    static final String NAME = "signals";
    private static final List<Col> COLUMNS = List.of(
            new Col("drug", STRING, PairStatistics::drug),
            new Col("event", STRING, PairStatistics::event),
            new Col("n", FLOAT64, s -> (double) s.n()),
            new Col("n_drug", FLOAT64, s -> (double) s.nDrug()),
            new Col("n_event", FLOAT64, s -> (double) s.nEvent()),
            new Col("n_total", FLOAT64, s -> (double) s.nTotal()),
            new Col("expected", FLOAT64, PairStatistics::expected),
            new Col("prr", FLOAT64, PairStatistics::prr),
            new Col("prr_lower", FLOAT64, PairStatistics::prrLower),
            new Col("prr_upper", FLOAT64, PairStatistics::prrUpper),
            new Col("chisq_yates", FLOAT64, PairStatistics::chisqYates),
            new Col("ror", FLOAT64, PairStatistics::ror),
            new Col("ror_lower", FLOAT64, PairStatistics::rorLower),
            new Col("ror_upper", FLOAT64, PairStatistics::rorUpper),
            new Col("fisher_p", FLOAT64, PairStatistics::fisherP),
            new Col("ic", FLOAT64, PairStatistics::ic),
            new Col("ic_lower", FLOAT64, PairStatistics::icLower),
            new Col("ic_upper", FLOAT64, PairStatistics::icUpper),
            new Col("signal_prr", BOOLEAN, PairStatistics::signalPrr),
            new Col("signal_ror", BOOLEAN, PairStatistics::signalRor),
            new Col("signal_ic", BOOLEAN, PairStatistics::signalIc),
            new Col("signal", BOOLEAN, PairStatistics::signal));

    private record Col(String name, ColumnType type, Function<PairStatistics, Object> value) {
    }

    private SignalsTable() {
    }

    static TableSpec spec() {
        return TableSpec.of(NAME, "one row per drug-event pair with n >= minCount, sorted by sortBy; undefined "
                + "statistics (a zero cell) are null", COLUMNS.stream().map(c -> column(c.name(), c.type()))
                .toArray(org.apache.arrow.vector.types.pojo.Field[]::new));
    }

    static Table table(List<PairStatistics> rows, BufferAllocator allocator) {
        var builder = Table.builder(allocator);
        for (Col c : COLUMNS) {
            List<Object> values = new ArrayList<>(rows.size());
            for (PairStatistics row : rows) {
                values.add(c.value().apply(row));
            }
            builder.add(c.name(), c.type(), values);
        }
        return builder.build();
    }

    /** The same columns as lists (a federated result is a summary), keyed by the contract's column names. */
    static Map<String, Object> columns(List<PairStatistics> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Col c : COLUMNS) {
            List<Object> values = new ArrayList<>(rows.size());
            for (PairStatistics row : rows) {
                values.add(c.value().apply(row));
            }
            out.put(c.name(), values);
        }
        return out;
    }
}
