# openEBGM side of the benchmark: autoSquash, autoHyper (vignette starts), ebScores with QUANT_05/QUANT_95.
# Usage: Rscript openebgm.R /tmp/ebgm-1e6.csv    (openEBGM 0.9.1 installed in /work/Rlib)
.libPaths(c("/work/Rlib", .libPaths()))
suppressPackageStartupMessages(library(openEBGM))
args <- commandArgs(TRUE)
d <- read.csv(if (length(args)) args[1] else "/tmp/ebgm-1e6.csv", stringsAsFactors = FALSE)
theta_init <- data.frame(alpha1 = c(0.2, 0.1, 0.3, 0.5, 0.2), beta1 = c(0.1, 0.1, 0.5, 0.3, 0.2),
                         alpha2 = c(2, 10, 6, 12, 5), beta2 = c(4, 10, 6, 12, 5), p = c(1/3, 0.2, 0.5, 0.8, 0.4))
t0 <- proc.time()[["elapsed"]]
sq <- autoSquash(d)
t1 <- proc.time()[["elapsed"]]
h <- autoHyper(sq, theta_init = theta_init)
t2 <- proc.time()[["elapsed"]]
eb <- ebScores(d, hyper_estimate = h, quantiles = c(5, 95))
t3 <- proc.time()[["elapsed"]]
cat(sprintf("openEBGM: squash %d -> %d points %.2f s; autoHyper (%s) %.2f s; ebScores %.2f s; total %.2f s\n",
            nrow(d), nrow(sq), t1 - t0, h$method, t2 - t1, t3 - t2, t3 - t0))
cat("estimates:", sprintf("%.10g", h$estimates), "\n")
