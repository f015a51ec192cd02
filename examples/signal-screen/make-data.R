# Synthetic data for the signal-detection example (examples/signal-screen): never real patients or reports.
# Rscript examples/signal-screen/make-data.R   (base R only; writes the three CSV files beside this script)
#
# 1. reports.csv: a spontaneous-report database, one row per report-drug-event, with sex, age group and year
#    (the strata of a stratified expected count). Two planted signals: DBX-101 with hepatotoxicity terms and
#    DBX-202 with QT prolongation; everything else is reported independently of the drug.
# 2. adsl.csv / adae.csv: a randomised dose-expansion trial in ADaM form (placebo, DBX-101 100 mg, DBX-101 200 mg),
#    where DBX-101 raises ALT increased, diarrhoea and maculo-papular rash with dose; other AEs are null.
set.seed(20261203)
here <- tryCatch(dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))),
                 error = function(e) ".")

drugs <- c("DBX-101", "DBX-202", sprintf("Comparator-%03d", 1:120))
events <- c("Alanine aminotransferase increased", "Hepatotoxicity", "Electrocardiogram QT prolonged", "Nausea",
            "Diarrhoea", "Fatigue", "Headache", "Rash", "Pruritus", "Dizziness", "Vomiting", "Anaemia",
            "Neutropenia", "Pyrexia", "Cough", "Dyspnoea", "Arthralgia", "Back pain", "Insomnia", "Constipation",
            "Decreased appetite", "Peripheral neuropathy", "Alopecia", "Hypertension", "Oedema peripheral",
            "Abdominal pain", "Asthenia", "Chills", "Dehydration", "Dysgeusia", "Epistaxis", "Hypokalaemia",
            "Hyponatraemia", "Mucosal inflammation", "Myalgia", "Pain in extremity", "Pneumonia", "Stomatitis",
            "Syncope", "Thrombocytopenia", "Urinary tract infection", "Weight decreased", "Dry skin", "Palpitations",
            "Confusional state", "Hypotension", "Muscle spasms", "Vision blurred", "Tremor", "Anxiety", "Sepsis")
drug_weight <- c(30, 25, 40 / (1:120)^0.8)            # a few common comparators, a long tail of rare ones
event_weight <- c(2, 1, 1, 8 / (1:(length(events) - 3))^0.7)
# reporting heterogeneity: each drug-event pair has its own reporting ratio (log-normal), as real databases do;
# without it every pair's ratio is 1 and the empirical Bayes prior has nothing to estimate
affinity <- matrix(exp(rnorm(length(drugs) * length(events), 0, 0.9)), length(drugs), length(events))
n_reports <- 8000
rows <- vector("list", n_reports)
for (r in seq_len(n_reports)) {
  k_drug <- sample(1:3, 1, prob = c(0.6, 0.3, 0.1))
  k_event <- sample(1:3, 1, prob = c(0.5, 0.35, 0.15))
  d <- sample(drugs, k_drug, prob = drug_weight)
  w <- event_weight * affinity[match(d[1], drugs), ]
  if ("DBX-101" %in% d) w[1:2] <- w[1:2] * 6
  if ("DBX-202" %in% d) w[3] <- w[3] * 8
  e <- sample(events, k_event, prob = w)
  sex <- sample(c("F", "M"), 1)
  age <- sample(c("18-44", "45-64", "65+"), 1, prob = c(0.25, 0.4, 0.35))
  year <- sample(2022:2025, 1)
  rows[[r]] <- expand.grid(report_id = sprintf("R%05d", r), drug = d, event = e, sex = sex, age_group = age,
                           year = year, stringsAsFactors = FALSE)
}
reports <- do.call(rbind, rows)
write.csv(reports, file.path(here, "reports.csv"), row.names = FALSE, quote = TRUE)

arms <- c("Placebo", "DBX-101 100 mg", "DBX-101 200 mg")
n_arm <- c(60, 60, 60)
adsl <- data.frame(USUBJID = sprintf("DBX-101-%04d", seq_len(sum(n_arm))), TRTA = rep(arms, n_arm),
                   SAFFL = "Y", stringsAsFactors = FALSE)
adsl$TRTDURD <- pmax(14, round(rgamma(nrow(adsl), shape = 4, rate = 4 / 120)))
terms <- data.frame(
  AEBODSYS = c("Investigations", "Investigations", "Gastrointestinal disorders", "Gastrointestinal disorders",
               "Gastrointestinal disorders", "Skin and subcutaneous tissue disorders",
               "Skin and subcutaneous tissue disorders", "General disorders and administration site conditions",
               "General disorders and administration site conditions", "Nervous system disorders",
               "Nervous system disorders", "Blood and lymphatic system disorders",
               "Musculoskeletal and connective tissue disorders", "Respiratory, thoracic and mediastinal disorders",
               "Metabolism and nutrition disorders", "Psychiatric disorders"),
  AEDECOD = c("Alanine aminotransferase increased", "Aspartate aminotransferase increased", "Diarrhoea", "Nausea",
              "Vomiting", "Rash maculo-papular", "Pruritus", "Fatigue", "Pyrexia", "Headache", "Dizziness", "Anaemia",
              "Arthralgia", "Cough", "Decreased appetite", "Insomnia"),
  base = c(0.05, 0.05, 0.12, 0.15, 0.08, 0.05, 0.08, 0.25, 0.10, 0.12, 0.08, 0.10, 0.08, 0.10, 0.09, 0.06),
  stringsAsFactors = FALSE)
raised <- c("Alanine aminotransferase increased" = 3.5, "Aspartate aminotransferase increased" = 2.5,
            "Diarrhoea" = 2.5, "Rash maculo-papular" = 3)
ae <- list()
for (i in seq_len(nrow(adsl))) {
  dose <- match(adsl$TRTA[i], arms) - 1            # 0, 1, 2
  for (j in seq_len(nrow(terms))) {
    p <- terms$base[j]
    if (terms$AEDECOD[j] %in% names(raised)) p <- min(0.9, p * (1 + (raised[[terms$AEDECOD[j]]] - 1) * dose / 2))
    if (runif(1) < p) {
      grade <- sample(1:4, 1, prob = c(0.55, 0.3, 0.12, 0.03))
      ae[[length(ae) + 1]] <- data.frame(USUBJID = adsl$USUBJID[i], TRTA = adsl$TRTA[i],
                                         AEBODSYS = terms$AEBODSYS[j], AEDECOD = terms$AEDECOD[j],
                                         AETOXGR = as.character(grade), stringsAsFactors = FALSE)
    }
  }
}
adae <- do.call(rbind, ae)
write.csv(adsl, file.path(here, "adsl.csv"), row.names = FALSE)
write.csv(adae, file.path(here, "adae.csv"), row.names = FALSE)
cat(nrow(reports), "report rows;", nrow(adsl), "patients;", nrow(adae), "adverse events\n")
