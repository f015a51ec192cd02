package io.daybreak.examples.externalcontrol;

/**
 * The trial's eligibility criteria, applied to both sources alike (FDA draft guidance on externally controlled
 * trials, 2023: the external controls must meet the trial's criteria as far as the data can tell).
 *
 * @param minAge         youngest age
 * @param maxAge         oldest age
 * @param maxEcog        worst ECOG performance status
 * @param maxPriorLines  most prior lines of therapy
 * @param followUpDays   follow-up after time zero is cut here for both sources (the trial's planned follow-up), so
 *                       the endpoint is assessed over the same window
 */
record Eligibility(double minAge, double maxAge, double maxEcog, double maxPriorLines, double followUpDays) {
    static final Eligibility TRIAL = new Eligibility(18, 80, 1, 2, 730);
}
