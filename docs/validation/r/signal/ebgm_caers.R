# Optional validation on openEBGM's own CAERS subset (package data, never committed): exports processRaw(caers) to the
# CSV path given (for DAYBREAK_OPENEBGM_CAERS) and prints the vignette's fit and scores pinned in EbgmCaersTest.
# Run: Rscript docs/validation/r/signal/ebgm_caers.R /tmp/caers-processed.csv
.libPaths(c("/work/Rlib", .libPaths()))
suppressPackageStartupMessages(library(openEBGM))
out <- commandArgs(TRUE)[1]
data(caers)
processed <- processRaw(caers, stratify = FALSE, zeroes = FALSE)
options(digits = 17)
write.csv(data.frame(drug = processed$var1, event = processed$var2, N = processed$N,
                     E = processed$E), out, row.names = FALSE, quote = c(1, 2))
squashed <- squashData(processed)
squashed2 <- squashData(squashed, count = 2, bin_size = 10, keep_pts = 50)
theta_init <- data.frame(alpha1 = c(0.2, 0.1, 0.3, 0.5, 0.2), beta1 = c(0.1, 0.1, 0.5, 0.3, 0.2),
                         alpha2 = c(2, 10, 6, 12, 5), beta2 = c(4, 10, 6, 12, 5), p = c(1/3, 0.2, 0.5, 0.8, 0.4))
h <- autoHyper(squashed2, theta_init = theta_init)
g <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
cat("pairs", nrow(processed), "squashed2 rows", nrow(squashed2), "\n")
cat("autoHyper(squashed2, theta_init)$estimates =", g(h$estimates), "\n")
cat("negLLsquash =", g(negLLsquash(h$estimates, squashed2$N, squashed2$E, squashed2$weight)), "\n")
eb <- ebScores(processed, hyper_estimate = h, quantiles = c(5, 95), digits = 12)$data
top <- order(-eb$EBGM)[1:3]
for (r in top) cat(sprintf("%s | %s N=%d E=%.17g EBGM=%.17g Q05=%.17g Q95=%.17g\n", eb$var1[r], eb$var2[r], eb$N[r],
                           eb$E[r], eb$EBGM[r], eb$QUANT_05[r], eb$QUANT_95[r]))
