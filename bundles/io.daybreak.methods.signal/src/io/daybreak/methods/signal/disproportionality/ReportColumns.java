package io.daybreak.methods.signal.disproportionality;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.Setting;

/** Settings group: the columns of report–drug–event rows. */
public record ReportColumns(
        @Setting(defaultValue = "drug", doc = "column of drug names or codes")
        String drug,
        @Setting(defaultValue = "event", doc = "column of event names or codes (e.g. MedDRA PT)")
        String event,
        @Setting(optional = true, doc = "column of report ids: a report counts once per pair (as openEBGM::processRaw); "
                + "without it every row is its own report")
        String report,
        @Setting(optional = true, doc = "comma list of stratum columns (e.g. sex,age_group,year) for the expected count")
        String strata) {

    public List<String> strataColumns() {
        List<String> names = new ArrayList<>();
        if (strata != null) {
            for (String name : strata.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
