# Seeded synthetic spontaneous-report data for the signal.ebgm tests, counted into pairs with openEBGM::processRaw.
# Writes tests/io.daybreak.methods.signal.tests/resources/ebgm-synthetic-pairs.csv (drug, event, N, E) for the Java tests.
# Run: Rscript docs/validation/r/signal/ebgm_synthetic_data.R   (openEBGM 0.9.1 in /work/Rlib)
.libPaths(c("/work/Rlib", .libPaths()))
suppressPackageStartupMessages(library(openEBGM))
set.seed(20261203)
drugs  <- sprintf("D%03d", 1:200)
events <- sprintf("E%03d", 1:120)
p_drug  <- rlnorm(length(drugs), 0, 1.0);  p_drug  <- p_drug / sum(p_drug)
p_event <- rlnorm(length(events), 0, 0.8); p_event <- p_event / sum(p_event)
cells <- expand.grid(var1 = drugs, var2 = events, stringsAsFactors = FALSE)
base <- 9000 * p_drug[match(cells$var1, drugs)] * p_event[match(cells$var2, events)]
# reporting ratios from a two-gamma mixture (P = 0.15 of Gamma(1.5, 0.5): mean 3; else Gamma(8, 8): mean 1)
comp1 <- runif(nrow(cells)) < 0.15
lambda <- ifelse(comp1, rgamma(nrow(cells), 1.5, 0.5), rgamma(nrow(cells), 8, 8))
cells$n <- rpois(nrow(cells), lambda * base)
cells <- cells[cells$n > 0, ]
# one report per counted drug-event occurrence (report ids are unique)
raw <- data.frame(var1 = rep(cells$var1, cells$n), var2 = rep(cells$var2, cells$n), stringsAsFactors = FALSE)
raw$id <- seq_len(nrow(raw))
processed <- processRaw(raw, stratify = FALSE, zeroes = FALSE)
out <- data.frame(drug = as.character(processed$var1), event = as.character(processed$var2),
                  N = processed$N, E = sprintf("%.17g", processed$E))
here <- dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))
write.csv(out, file.path(here, "../../../../tests/io.daybreak.methods.signal.tests/resources/ebgm-synthetic-pairs.csv"), row.names = FALSE, quote = FALSE)
cat("pairs:", nrow(out), " N table:", head(table(out$N), 8), "\n")
