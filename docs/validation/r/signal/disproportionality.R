# Reference values for signal.disproportionality (Daybreak). Run from this directory:
#   Rscript disproportionality.R
# R 4.2.2, data.table 1.14, openEBGM 0.9.1, PhViD 1.0.8 (LBE 1.75 from Bioconductor, MCMCpack 1.6-3).
# Writes into tests/io.daybreak.methods.signal.tests/resources/signal/ (the tests read them there):
#   disproportionality-reports.csv   synthetic spontaneous reports (seeded), one row per report-drug-event,
#                                    with duplicate rows, strata sex, age_group, year
#   disproportionality-reference.csv per pair: counts by data.table (unique reports), stratified E by
#                                    openEBGM::processRaw, and PRR/ROR/chisq/Fisher/IC by base R
#   disproportionality-phvid.csv     PhViD::PRR and PhViD::ROR on the pairs as pre-counted (margins from pairs)
.libPaths(c("/work/Rlib", .libPaths()))
suppressMessages({library(data.table); library(openEBGM); library(PhViD)})
out <- "../../../../tests/io.daybreak.methods.signal.tests/resources/signal"
set.seed(20261203)
full <- function(t) t[, lapply(.SD, function(v) if (is.double(v)) sprintf("%.17g", v) else v)]

## --- synthetic reports -------------------------------------------------------------------------------------
n_reports <- 6000
drugs  <- sprintf("DRUG%02d", 1:30)
events <- sprintf("PT%03d", 1:45)
drug_p  <- rexp(length(drugs));  drug_p  <- drug_p / sum(drug_p)
event_p <- rexp(length(events)); event_p <- event_p / sum(event_p)
sex  <- sample(c("F", "M"), n_reports, replace = TRUE, prob = c(0.55, 0.45))
age  <- sample(c("<18", "18-44", "45-64", "65+"), n_reports, replace = TRUE, prob = c(0.1, 0.3, 0.35, 0.25))
year <- sample(2020:2022, n_reports, replace = TRUE)
rows <- vector("list", n_reports)
for (r in seq_len(n_reports)) {
  d <- unique(sample(drugs, 1 + rpois(1, 0.6), replace = TRUE, prob = drug_p))
  ep <- event_p
  # injected signals: DRUG01 raises PT001, DRUG02 raises PT002 in older patients
  if ("DRUG01" %in% d) ep[1] <- ep[1] * 8
  if ("DRUG02" %in% d && age[r] == "65+") ep[2] <- ep[2] * 10
  e <- unique(sample(events, 1 + rpois(1, 1), replace = TRUE, prob = ep))
  g <- expand.grid(drug = d, event = e, stringsAsFactors = FALSE)
  rows[[r]] <- data.frame(report = sprintf("R%05d", r), g, sex = sex[r], age_group = age[r], year = year[r])
}
dat <- rbindlist(rows)
dup <- dat[sample(nrow(dat), 300)]          # repeated rows: a report counts once per pair
dat <- rbind(dat, dup)[sample(.N)]
fwrite(dat, file.path(out, "disproportionality-reports.csv"))

## --- counts by data.table (unique reports, within strata) ---------------------------------------------------
dat[, stratum := paste(sex, age_group, year, sep = "|")]
u <- unique(dat[, .(report, drug, event, stratum)])
pairs <- u[, .(n = uniqueN(report)), by = .(drug, event)]
dm <- unique(dat[, .(report, drug)])[, .(n_drug = .N), by = drug]
em <- unique(dat[, .(report, event)])[, .(n_event = .N), by = event]
pairs <- merge(merge(pairs, dm, by = "drug"), em, by = "event")
pairs[, n_total := uniqueN(dat$report)]
# unstratified E and stratified E by hand (data.table)
pairs[, e_unstrat := n_drug * n_event / n_total]
ds <- unique(dat[, .(report, drug, stratum)])[, .(nd = .N), by = .(drug, stratum)]
es <- unique(dat[, .(report, event, stratum)])[, .(ne = .N), by = .(event, stratum)]
ns <- unique(dat[, .(report, stratum)])[, .(ns = .N), by = stratum]
x <- merge(merge(CJ(drug = unique(dat$drug), event = unique(dat$event), stratum = ns$stratum), ds,
                 by = c("drug", "stratum")), es, by = c("event", "stratum"))
x <- merge(x, ns, by = "stratum")
strat <- x[, .(e_strat_dt = sum(nd * ne / ns)), by = .(drug, event)]
pairs <- merge(pairs, strat, by = c("drug", "event"), all.x = TRUE)

## --- openEBGM::processRaw: the same counts and stratified E, independently --------------------------------
raw <- data.frame(id = dat$report, var1 = dat$drug, var2 = dat$event,
                  strat_sex = dat$sex, strat_age = dat$age_group, strat_year = dat$year)
pr <- processRaw(raw, stratify = TRUE, zeroes = FALSE, digits = 15, max_cats = 30)
pr <- as.data.table(pr)[, .(drug = var1, event = var2, N_ebgm = N, E_ebgm = E)]
pairs <- merge(pairs, pr, by = c("drug", "event"), all.x = TRUE)
stopifnot(all(pairs$N_ebgm == pairs$n), max(abs(pairs$E_ebgm - pairs$e_strat_dt)) < 1e-9)

## --- statistics, base R ----------------------------------------------------------------------------------------
stat <- function(a, nd, ne, N, E) {
  b <- nd - a; c <- ne - a; d <- N - a - b - c
  m <- matrix(c(a, c, b, d), 2)
  prr <- (a / (a + b)) / (c / (c + d)); se <- sqrt(1/a - 1/(a + b) + 1/c - 1/(c + d))
  ror <- (a * d) / (b * c); sr <- sqrt(1/a + 1/b + 1/c + 1/d)
  z <- qnorm(0.975)
  chi <- suppressWarnings(unname(chisq.test(m, correct = TRUE)$statistic))
  c(prr = prr, prr_lower = exp(log(prr) - z * se), prr_upper = exp(log(prr) + z * se),
    chisq_yates = chi, ror = ror, ror_lower = exp(log(ror) - z * sr), ror_upper = exp(log(ror) + z * sr),
    fisher_p = fisher.test(m)$p.value,
    ic = log2((a + 0.5) / (E + 0.5)),
    ic_lower = log2(qgamma(0.025, shape = a + 0.5, rate = E + 0.5)),
    ic_upper = log2(qgamma(0.975, shape = a + 0.5, rate = E + 0.5)))
}
s <- t(mapply(stat, pairs$n, pairs$n_drug, pairs$n_event, pairs$n_total, pairs$e_strat_dt))
ref <- cbind(pairs[, .(drug, event, n, n_drug, n_event, n_total, expected = e_strat_dt,
                       expected_unstratified = e_unstrat)], s)
setorder(ref, drug, event)
fwrite(full(ref), file.path(out, "disproportionality-reference.csv"))

## --- PhViD on the pairs as pre-counted (margins = sums of pair counts) -----------------------------------------
pc <- as.PhViD(as.data.frame(pairs[, .(drug, event, n)]), MARGIN.THRES = 1)
prr <- PRR(pc, RR0 = 1, MIN.n11 = 1, DECISION = 3, DECISION.THRES = 1e9, RANKSTAT = 2)$ALLSIGNALS
ror <- ROR(pc, OR0 = 1, MIN.n11 = 1, DECISION = 3, DECISION.THRES = 1e9, RANKSTAT = 2)$ALLSIGNALS
ph <- merge(data.table(drug = as.character(prr[["drug code"]]), event = as.character(prr[["event effect"]]),
                       n = prr$count, expected = prr[["expected count"]], prr = prr$PRR,
                       log_prr_lower = prr[["LB95(log(PRR))"]]),
            data.table(drug = as.character(ror[["drug code"]]), event = as.character(ror[["event effect"]]),
                       ror = ror$ROR, log_ror_lower = ror[["LB95(log(ROR))"]]), by = c("drug", "event"))
setorder(ph, drug, event)
fwrite(full(ph), file.path(out, "disproportionality-phvid.csv"))
cat("rows", nrow(dat), "reports", uniqueN(dat$report), "pairs", nrow(ref), "\n")
