# Synthetic ADaM and SDTM test data for Daybreak's CDISC tests (docs/data.md), authored here: no subject,
# value or label comes from a real study or from CDISC's pilot data. Every value is drawn below with set.seed.
#
# Writes, from the same R data frames:
#   - SAS transport files with R's haven (write_xpt, the ReadStat library: a writer independent of Daybreak's),
#     tests/io.daybreak.data.tests/resources/xpt/{adsl,adtte,adae}.xpt (version 5) and adtte-v8.xpt (version 8),
#     and a copy of adtte.xpt in tests/io.daybreak.methods.stats.tests/resources/;
#   - CDISC Dataset-JSON v1.1.0 files with jsonlite, tests/io.daybreak.data.tests/resources/dataset-json/
#     {adsl,adtte,adae,dm}.json (dm: SDTM demographics, dates as ISO 8601 text, partial birth dates).
#
# R 4.2.2, haven 2.5.1, jsonlite 1.8.4 (Debian 12: r-base, r-cran-haven, r-cran-jsonlite). Run from the repository
# root: Rscript docs/validation/r/cdisc/make-adam.R
# The values are reproducible (set.seed, R >= 3.6 sampling); haven stamps the transport files' headers with the time
# of writing, so their bytes differ from run to run in those 32 bytes only.
suppressPackageStartupMessages({ library(haven); library(jsonlite) })

res <- "tests/io.daybreak.data.tests/resources"
stopifnot(dir.exists(res))
set.seed(20261203)

study <- "DAYBREAK01"
arms <- c("Placebo", "Treatment Low Dose", "Treatment High Dose")
per_arm <- 40
n <- per_arm * length(arms)
sas_epoch <- as.Date("1960-01-01")

# ---------------------------------------------------------------------------------------------------------------
# ADSL: one row per subject
trtn <- rep(0:2, each = per_arm)[sample(n)]          # randomised order of enrolment
site <- sample(c("101", "102", "103"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
subjid <- sprintf("%04d", seq_len(n))
usubjid <- paste(study, site, subjid, sep = "-")
age <- as.integer(pmin(pmax(round(rnorm(n, 63, 9)), 35), 85))
sex <- sample(c("F", "M"), n, replace = TRUE)
race <- sample(c("WHITE", "BLACK OR AFRICAN AMERICAN", "ASIAN"), n, replace = TRUE, prob = c(0.7, 0.15, 0.15))
randdt <- as.Date("2024-01-15") + sort(sample(0:360, n, replace = TRUE))
trtsdt <- randdt + sample(0:3, n, replace = TRUE)
trtstm <- hms::hms(seconds = 3600 * sample(8:16, n, replace = TRUE) + 60 * sample(0:59, n, replace = TRUE))
trtsdtm <- as.POSIXct(paste(format(trtsdt), format(trtstm)), tz = "UTC")
height <- round(ifelse(sex == "F", rnorm(n, 163, 6), rnorm(n, 176, 7)), 1)
weight <- round(ifelse(sex == "F", rnorm(n, 68, 11), rnorm(n, 82, 12)), 1)
bmi <- round(weight / (height / 100)^2, 1)
bmi[7] <- NA                                          # one subject without a baseline BMI

adsl <- data.frame(STUDYID = study, USUBJID = usubjid, SUBJID = subjid, SITEID = site,
                   TRT01P = arms[trtn + 1], TRT01PN = trtn, AGE = age, AGEU = "YEARS", SEX = sex, RACE = race,
                   RANDDT = randdt, TRTSDT = trtsdt, TRTSDTM = trtsdtm, TRTSTM = trtstm,
                   HEIGHTBL = height, WEIGHTBL = weight, BMIBL = bmi, ITTFL = "Y", stringsAsFactors = FALSE)

# ---------------------------------------------------------------------------------------------------------------
# ADTTE: one row per subject and parameter (OS and PFS), AVAL in days from STARTDT (= TRTSDT), CNSR 1 = censored
cutoff <- as.Date("2026-01-31")
hr <- c(1, 0.7, 0.45)[trtn + 1]                       # hazards relative to placebo
os_time <- rexp(n, log(2) / 480 * hr)
pfs_time <- pmin(rexp(n, log(2) / 180 * hr), os_time)
dropout <- rexp(n, 1 / 1500)
follow <- as.numeric(cutoff - trtsdt)
tte <- function(paramcd, param, time, what) {
  end <- pmin(time, dropout, follow)
  cnsr <- as.integer(time > pmin(dropout, follow))
  aval <- pmax(1L, as.integer(ceiling(end)))
  data.frame(STUDYID = study, USUBJID = usubjid, PARAMCD = paramcd, PARAM = param,
             AVAL = aval, CNSR = cnsr,
             EVNTDESC = ifelse(cnsr == 0, what, ifelse(dropout < follow, "LOST TO FOLLOW-UP", "ALIVE AT DATA CUT-OFF")),
             STARTDT = trtsdt, ADT = trtsdt + aval - 1L, TRTP = arms[trtn + 1], TRTPN = trtn,
             AGE = age, SEX = sex, stringsAsFactors = FALSE)
}
adtte <- rbind(tte("OS", "Overall Survival (days)", os_time, "DEATH"),
               tte("PFS", "Progression-Free Survival (days)", pfs_time, "DISEASE PROGRESSION OR DEATH"))
adtte <- adtte[order(adtte$USUBJID, adtte$PARAMCD), ]
rownames(adtte) <- NULL

# ---------------------------------------------------------------------------------------------------------------
# ADAE: 0 to 5 adverse events per subject
terms <- data.frame(
  AEBODSYS = c("GASTROINTESTINAL DISORDERS", "GASTROINTESTINAL DISORDERS",
               "GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS", "SKIN AND SUBCUTANEOUS TISSUE DISORDERS",
               "NERVOUS SYSTEM DISORDERS", "BLOOD AND LYMPHATIC SYSTEM DISORDERS", "INVESTIGATIONS"),
  AEDECOD = c("NAUSEA", "DIARRHOEA", "FATIGUE", "RASH", "HEADACHE", "NEUTROPENIA",
              "ALANINE AMINOTRANSFERASE INCREASED"), stringsAsFactors = FALSE)
count <- rpois(n, c(1.2, 1.8, 2.4)[trtn + 1])
count <- pmin(count, 5)
who <- rep(seq_len(n), count)
m <- length(who)
term <- sample(nrow(terms), m, replace = TRUE)
grade <- sample(1:4, m, replace = TRUE, prob = c(0.5, 0.3, 0.15, 0.05))
astdy <- sample(1:200, m, replace = TRUE)
astdt <- trtsdt[who] + astdy - 1L
aendt <- astdt + sample(1:30, m, replace = TRUE)
aendt[runif(m) < 0.15] <- NA                          # ongoing
adae <- data.frame(STUDYID = study, USUBJID = usubjid[who], AESEQ = 0L, TRTA = arms[trtn[who] + 1],
                   TRTAN = trtn[who], AEBODSYS = terms$AEBODSYS[term], AEDECOD = terms$AEDECOD[term],
                   AETOXGR = as.character(grade), AETOXGRN = grade, AESER = ifelse(grade >= 3, "Y", "N"),
                   ASTDT = astdt, AENDT = aendt, ASTDY = astdy, stringsAsFactors = FALSE)
adae <- adae[order(adae$USUBJID, adae$ASTDT, adae$AEDECOD), ]
adae$AESEQ <- as.integer(ave(seq_len(m), adae$USUBJID, FUN = seq_along))
rownames(adae) <- NULL

# ---------------------------------------------------------------------------------------------------------------
# DM (SDTM) for the first 20 subjects: dates are ISO 8601 text, birth dates partial, death dates mostly empty
k <- 1:20
birth <- as.Date(paste0(2024 - age[k], "-06-30")) - sample(0:364, 20, replace = TRUE)
brthdtc <- ifelse(k %% 3 == 0, format(birth, "%Y"), ifelse(k %% 3 == 1, format(birth, "%Y-%m"), format(birth)))
dead <- adtte$CNSR[adtte$PARAMCD == "OS"][k] == 0
dm <- data.frame(STUDYID = study, DOMAIN = "DM", USUBJID = usubjid[k], SUBJID = subjid[k], SITEID = site[k],
                 RFSTDTC = format(trtsdt[k]), RFICDTC = paste0(format(randdt[k] - 7), "T", format(trtstm[k])), BRTHDTC = brthdtc,
                 DTHDTC = ifelse(dead, format(adtte$ADT[adtte$PARAMCD == "OS"][k]), ""), DTHFL = ifelse(dead, "Y", ""),
                 AGE = age[k], AGEU = "YEARS", SEX = sex[k], RACE = race[k],
                 ARMCD = c("PBO", "TRTLOW", "TRTHIGH")[trtn[k] + 1], ARM = arms[trtn[k] + 1], stringsAsFactors = FALSE)

# ---------------------------------------------------------------------------------------------------------------
# Variable metadata: label, Dataset-JSON dataType (and targetDataType for numbers SAS stores), SAS format
vm <- function(label, type, fmt = NULL, key = NULL) list(label = label, type = type, fmt = fmt, key = key)
meta <- list(
  STUDYID = vm("Study Identifier", "string"), USUBJID = vm("Unique Subject Identifier", "string", key = 1),
  SUBJID = vm("Subject Identifier for the Study", "string"), SITEID = vm("Study Site Identifier", "string"),
  TRT01P = vm("Planned Treatment for Period 01", "string"),
  TRT01PN = vm("Planned Treatment for Period 01 (N)", "integer"), AGE = vm("Age", "integer"),
  AGEU = vm("Age Units", "string"), SEX = vm("Sex", "string"), RACE = vm("Race", "string"),
  RANDDT = vm("Date of Randomization", "date", "DATE9."),
  TRTSDT = vm("Date of First Exposure to Treatment", "date", "DATE9."),
  TRTSDTM = vm("Datetime of First Exposure to Treatment", "datetime", "DATETIME20."),
  TRTSTM = vm("Time of First Exposure to Treatment", "time", "TIME8."),
  HEIGHTBL = vm("Baseline Height (cm)", "float", "8.1"), WEIGHTBL = vm("Baseline Weight (kg)", "double", "8.1"),
  BMIBL = vm("Baseline BMI (kg/m2)", "decimal", "8.1"), ITTFL = vm("Intent-To-Treat Population Flag", "string"),
  PARAMCD = vm("Parameter Code", "string", key = 2), PARAM = vm("Parameter", "string"),
  AVAL = vm("Analysis Value", "integer"), CNSR = vm("Censor", "integer"),
  EVNTDESC = vm("Event or Censoring Description", "string"), STARTDT = vm("Time-to-Event Origin Date for Subject", "date", "DATE9."),
  ADT = vm("Analysis Date", "date", "DATE9."), TRTP = vm("Planned Treatment", "string"),
  TRTPN = vm("Planned Treatment (N)", "integer"), AESEQ = vm("Sequence Number", "integer", key = 2),
  TRTA = vm("Actual Treatment", "string"), TRTAN = vm("Actual Treatment (N)", "integer"),
  AEBODSYS = vm("Body System or Organ Class", "string"), AEDECOD = vm("Dictionary-Derived Term", "string"),
  AETOXGR = vm("Standard Toxicity Grade", "string"), AETOXGRN = vm("Standard Toxicity Grade (N)", "integer"),
  AESER = vm("Serious Event", "string"), ASTDT = vm("Analysis Start Date", "date", "DATE9."),
  AENDT = vm("Analysis End Date", "date", "DATE9."), ASTDY = vm("Analysis Start Relative Day", "integer"),
  DOMAIN = vm("Domain Abbreviation", "string"), RFSTDTC = vm("Subject Reference Start Date/Time", "date"),
  RFICDTC = vm("Date/Time of Informed Consent", "datetime"), BRTHDTC = vm("Date/Time of Birth", "date"),
  DTHDTC = vm("Date/Time of Death", "date"), DTHFL = vm("Subject Death Flag", "string"),
  ARMCD = vm("Planned Arm Code", "string"), ARM = vm("Description of Planned Arm", "string"))

# ---------------------------------------------------------------------------------------------------------------
# SAS transport files (haven)
xpt <- function(df, name, label, file, version = 5) {
  for (v in names(df)) {
    attr(df[[v]], "label") <- meta[[v]]$label
    if (!is.null(meta[[v]]$fmt)) attr(df[[v]], "format.sas") <- sub("\\.$", "", meta[[v]]$fmt)
  }
  write_xpt(df, file.path(res, "xpt", file), version = version, name = name, label = label)
}
labels <- c(ADSL = "Subject-Level Analysis Dataset", ADTTE = "Time-to-Event Analysis Dataset",
            ADAE = "Adverse Events Analysis Dataset", DM = "Demographics")
xpt(adsl, "ADSL", labels[["ADSL"]], "adsl.xpt")
xpt(adtte, "ADTTE", labels[["ADTTE"]], "adtte.xpt")
xpt(adtte, "ADTTE", labels[["ADTTE"]], "adtte-v8.xpt", version = 8)
xpt(adae, "ADAE", labels[["ADAE"]], "adae.xpt")
invisible(file.copy(file.path(res, "xpt", "adtte.xpt"), "tests/io.daybreak.methods.stats.tests/resources/adtte.xpt",
          overwrite = TRUE))

# ---------------------------------------------------------------------------------------------------------------
# Dataset-JSON v1.1.0 (jsonlite): dates as ISO 8601 text; for ADaM with targetDataType integer (SAS stores the
# number), for SDTM without; decimal as a JSON string; text length in bytes; missing numbers and dates null
iso <- function(x, type) {
  out <- switch(type,
                date = format(x, "%Y-%m-%d"),
                datetime = format(x, "%Y-%m-%dT%H:%M:%S", tz = "UTC"),
                time = format(x))
  out[is.na(x)] <- NA
  out
}
djson <- function(df, name, adam, file) {
  columns <- lapply(names(df), function(v) {
    m <- meta[[v]]
    type <- m$type
    col <- list(itemOID = paste0("IT.", name, ".", v), name = v, label = m$label, dataType = type)
    if (adam && type %in% c("date", "datetime", "time")) col$targetDataType <- "integer"
    if (type == "decimal") col$targetDataType <- "decimal"
    if (type == "string") col$length <- max(1L, nchar(df[[v]], type = "bytes"))
    if (!is.null(m$fmt)) col$displayFormat <- m$fmt
    if (!is.null(m$key)) col$keySequence <- m$key
    col
  })
  values <- lapply(names(df), function(v) {
    type <- meta[[v]]$type
    x <- df[[v]]
    if (type %in% c("date", "datetime", "time") && !is.character(x)) x <- iso(x, type)
    if (type == "decimal") x <- ifelse(is.na(x), NA, as.character(x))
    x
  })
  rows <- lapply(seq_len(nrow(df)), function(i) lapply(values, function(x) x[[i]]))
  doc <- list(datasetJSONCreationDateTime = "2026-12-03T12:00:00", datasetJSONVersion = "1.1.0",
              fileOID = paste0("DAYBREAK.TEST.", name), dbLastModifiedDateTime = "2026-12-03T11:00:00",
              originator = "Daybreak tests (synthetic data)",
              sourceSystem = list(name = "R", version = "4.2.2"),
              studyOID = study, metaDataVersionOID = paste0("MDV.", study, if (adam) ".ADAM" else ".SDTM"),
              itemGroupOID = paste0("IG.", name), records = nrow(df), name = name, label = labels[[name]],
              columns = columns, rows = rows)
  writeLines(toJSON(doc, auto_unbox = TRUE, na = "null", null = "null", digits = NA, pretty = FALSE),
             file.path(res, "dataset-json", file), useBytes = TRUE)
}
djson(adsl, "ADSL", TRUE, "adsl.json")
djson(adtte, "ADTTE", TRUE, "adtte.json")
djson(adae, "ADAE", TRUE, "adae.json")
djson(dm, "DM", FALSE, "dm.json")

cat("ADSL", dim(adsl), "ADTTE", dim(adtte), "ADAE", dim(adae), "DM", dim(dm), "\n")
