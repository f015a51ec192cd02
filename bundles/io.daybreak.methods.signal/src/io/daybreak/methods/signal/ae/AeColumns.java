package io.daybreak.methods.signal.ae;

import io.daybreak.core.method.Setting;

/**
 * The ADaM column names {@code signal.ae-compare} reads, shared by the local method and its site step: ADAE's
 * subject, body system, preferred term, toxicity grade and arm, and ADSL's treatment duration in days.
 */
public record AeColumns(
        @Setting(defaultValue = "USUBJID", doc = "subject identifier column (ADAE and ADSL)") String subjectColumn,
        @Setting(defaultValue = "AEBODSYS", doc = "body system (system organ class) column of ADAE")
        String bodySystemColumn,
        @Setting(defaultValue = "AEDECOD", doc = "preferred term column of ADAE") String termColumn,
        @Setting(defaultValue = "AETOXGR", doc = "toxicity grade column of ADAE (read only with minGrade)")
        String gradeColumn,
        @Setting(defaultValue = "TRTA", doc = "treatment arm (dose level) column (ADAE and ADSL)") String armColumn,
        @Setting(defaultValue = "TRTDURD", doc = "treatment duration in days (ADSL, or the joined table), for the "
                + "exposure-adjusted incidence rates") String durationColumn,
        @Setting(optional = true, min = 0, max = 10, doc = "count only adverse-event records of at least this grade "
                + "(records without a grade are then not counted)") Long minGrade) {
}
