package io.daybreak.stats.models.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.cdisc.AdamRoles;

/**
 * The table a survival method analyses, with the CDISC ADaM roles ({@link AdamRoles}) applied as defaults:
 * <ul>
 * <li>in an ADaM time-to-event table (numeric {@code AVAL} and {@code CNSR}) without columns {@code time} and
 * {@code status}, the follow-up time is {@code AVAL} and the status {@code CNSR};</li>
 * <li>a status column {@code CNSR} is ADaM's censoring flag: without an explicit {@code eventValue}, an event is
 * {@code CNSR = 0} (CNSR 1 or higher = censored), not R's reading of a 0/1 status;</li>
 * <li>a table whose {@code PARAMCD} holds several parameters is refused unless one is chosen ({@code param=}); the
 * rows of the one chosen are analysed;</li>
 * <li>where the method needs a group and none is named, an ADaM table's planned treatment ({@code TRTP}, else
 * {@code TRT01P}) is the group; a text group column is coded 1, 2, ... in the sorted order of its values (R's
 * factor levels), and the labels are reported.</li>
 * </ul>
 * The result states the columns used ({@link #describe(MethodResult.Builder)}). Closing releases the copy made when
 * rows were selected or a group coded; the input table stays the caller's.
 */
public final class SurvivalData implements AutoCloseable {
    private final Table table;
    private final boolean owned;
    private final SurvivalColumns survival;
    private final String group;
    private final List<String> groupLabels;
    private final String parameter;
    private final boolean adam;

    private SurvivalData(Table table, boolean owned, SurvivalColumns survival, String group, List<String> groupLabels,
            String parameter, boolean adam) {
        this.table = table;
        this.owned = owned;
        this.survival = survival;
        this.group = group;
        this.groupLabels = groupLabels;
        this.parameter = parameter;
        this.adam = adam;
    }

    /**
     * Applies the ADaM defaults to a method's input.
     *
     * @param data          the input table (the caller's; not closed here)
     * @param asGiven       the survival columns as bound (defaults {@code time} and {@code status})
     * @param param         the PARAMCD value chosen, or null
     * @param group         the group column named, or null
     * @param groupRequired whether the method compares groups (then an ADaM table's treatment is the default)
     * @param allocator     for the copy made when rows are selected or a text group coded
     */
    public static SurvivalData of(Table data, SurvivalColumns asGiven, String param, String group, boolean groupRequired,
            BufferAllocator allocator) {
        SurvivalInput.data(data);
        boolean adam = AdamRoles.isTimeToEvent(data);
        String time = asGiven.time();
        String status = asGiven.status();
        if (adam && time.equals("time") && !data.hasColumn("time")) {
            time = AdamRoles.VALUE;
        }
        if (adam && status.equals("status") && !data.hasColumn("status")) {
            status = AdamRoles.CENSOR;
        }
        Double eventValue = asGiven.eventValue();
        if (eventValue == null && status.equals(AdamRoles.CENSOR)) {
            eventValue = AdamRoles.EVENT;
        }
        SurvivalColumns survival = new SurvivalColumns(time, status, eventValue);
        List<String> parameters = AdamRoles.parameters(data);
        if (param == null && parameters.size() > 1) {
            throw new InvalidParameterException("the data hold " + parameters.size() + " ADaM parameters (PARAMCD: "
                    + String.join(", ", parameters) + "); analysing them pooled would mix endpoints: choose one with "
                    + "param=" + parameters.get(0));
        }
        String chosenGroup = group;
        if (chosenGroup == null && groupRequired && adam) {
            chosenGroup = AdamRoles.treatment(data);
        }
        boolean coded = chosenGroup != null && data.hasColumn(chosenGroup)
                && data.columnType(chosenGroup) == ColumnType.STRING;
        if (param == null && !coded) {
            return new SurvivalData(data, false, survival, chosenGroup, List.of(),
                    parameters.size() == 1 ? parameters.get(0) : null, adam);
        }
        List<String> labels = coded ? AdamRoles.levels(data, chosenGroup) : List.of();
        Table selected;
        try {
            selected = AdamRoles.select(data, param, coded ? chosenGroup : null, allocator);
        } catch (io.daybreak.data.InvalidInputException e) {
            throw new InvalidParameterException("parameter 'param': " + e.getMessage());
        }
        if (selected.rowCount() == 0) {
            selected.close();
            throw new InvalidParameterException("parameter 'param': no rows");
        }
        return new SurvivalData(selected, true, survival, chosenGroup, labels,
                param != null ? param : parameters.size() == 1 ? parameters.get(0) : null, adam);
    }

    /**
     * A federated survival analysis's parameters with the ADaM defaults {@link #of} applies locally, from the
     * dataset's column names (the same at every site; no value is read): when it has {@code AVAL} and {@code CNSR}
     * and neither {@code time} nor {@code status} nor a {@code formula} with its own {@code Surv()} is given, and the
     * columns named by default are absent, {@code time=AVAL status=CNSR eventValue=0} are added. A dataset that still
     * holds {@code PARAMCD} is refused then: across sites a parameter is not chosen by selecting rows (that would be
     * a subset of the requester's choosing), so each site serves one parameter's rows as a dataset (docs/data.md).
     */
    public static Map<String, String> adamParameters(Map<String, String> given, List<String> columns) {
        boolean adam = columns.contains(AdamRoles.VALUE) && columns.contains(AdamRoles.CENSOR);
        String formula = given.get("formula");
        boolean ownResponse = formula != null && formula.contains("~") && !formula.strip().startsWith("~");
        if (!adam || ownResponse || given.containsKey("time") || given.containsKey("status")
                || columns.contains("time") || columns.contains("status")) {
            return given;
        }
        if (columns.contains(AdamRoles.PARAMETER)) {
            throw new InvalidParameterException("the dataset holds ADaM's PARAMCD, so its rows may mix endpoints: "
                    + "across sites each dataset must hold one parameter's rows (the sites serve one dataset per "
                    + "parameter), or name time= and status= to analyse it as it is");
        }
        Map<String, String> completed = new java.util.LinkedHashMap<>(given);
        completed.put("time", AdamRoles.VALUE);
        completed.put("status", AdamRoles.CENSOR);
        completed.putIfAbsent("eventValue", "0");
        return completed;
    }

    /**
     * Refuses {@code Surv(time, CNSR)} without an event value in a formula: R would count CNSR = 1 (censored, in ADaM)
     * as the event.
     */
    public static void checkFormulaStatus(String status, String eventValue) {
        if (AdamRoles.CENSOR.equals(status) && eventValue == null) {
            throw new InvalidParameterException("parameter 'formula': Surv(..., CNSR) would count CNSR = 1 as the event, "
                    + "but ADaM's CNSR is a censoring flag (0 = event, 1 = censored): write Surv(AVAL, CNSR == 0) or "
                    + "Surv(AVAL, 1 - CNSR)");
        }
    }

    /** The table to analyse: the input, or the copy with the parameter's rows and the group coded. */
    public Table table() {
        return table;
    }

    /** The survival columns after the ADaM defaults. */
    public SurvivalColumns survival() {
        return survival;
    }

    /** The group column (named, or the ADaM treatment where a group is required), or null. */
    public String group() {
        return group;
    }

    /**
     * The labels of a text group column in code order (code 1 first; the sorted values of the whole input, so that
     * codes mean the same whichever parameter is chosen); empty for a numeric group.
     */
    public List<String> groupLabels() {
        return groupLabels;
    }

    /** Adds the columns used to a result: time, status and event value, parameter, group and its labels. */
    public MethodResult.Builder describe(MethodResult.Builder result) {
        result.summary("timeColumn", survival.time());
        result.summary("statusColumn", survival.status());
        if (parameter != null) {
            result.summary("paramcd", parameter);
        }
        if (group != null) {
            result.summary("groupColumn", group);
        }
        if (!groupLabels.isEmpty()) {
            result.summary("groupLabels", new ArrayList<Object>(groupLabels));
        }
        if (adam || AdamRoles.CENSOR.equals(survival.status())) {
            result.summary("roles", "ADaM: time = " + survival.time() + ", event = " + survival.status() + " == "
                    + io.daybreak.stats.models.columns.SummaryValues.level(survival.eventValue() == null
                            ? AdamRoles.EVENT : survival.eventValue())
                    + (parameter != null ? ", PARAMCD = " + parameter : "") + (group != null ? ", groups = " + group : ""));
        }
        return result;
    }

    @Override
    public void close() {
        if (owned) {
            table.close();
        }
    }
}
