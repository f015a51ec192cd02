# Reference values for the signal.ebgm engine tests (MgpsEngineTest), from openEBGM 0.9.1 on the seeded synthetic
# pairs written by ebgm_synthetic_data.R. Run: Rscript docs/validation/r/signal/ebgm_reference.R
.libPaths(c("/work/Rlib", .libPaths()))
suppressPackageStartupMessages(library(openEBGM))
here <- dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))
pairs <- read.csv(file.path(here, "../../../../tests/io.daybreak.methods.signal.tests/resources/ebgm-synthetic-pairs.csv"), stringsAsFactors = FALSE)
processed <- data.frame(var1 = pairs$drug, var2 = pairs$event, N = pairs$N, E = pairs$E)
g <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
theta_init <- data.frame(alpha1 = c(0.2, 0.1, 0.3, 0.5, 0.2), beta1 = c(0.1, 0.1, 0.5, 0.3, 0.2),
                         alpha2 = c(2, 10, 6, 12, 5), beta2 = c(4, 10, 6, 12, 5), p = c(1/3, 0.2, 0.5, 0.8, 0.4))
theta_fix <- c(0.3, 0.2, 3, 2.5, 0.25)
cat("## likelihood at theta_fix = c(0.3, 0.2, 3, 2.5, 0.25)\n")
cat("negLL(theta_fix, N, E, N_star = 1) =", g(negLL(theta_fix, processed$N, processed$E, N_star = 1)), "\n")
p3 <- processed[processed$N >= 3, ]
cat("negLL(theta_fix, N>=3, E, N_star = 3) =", g(negLL(theta_fix, p3$N, p3$E, N_star = 3)), "\n")
# openEBGM's negLLzero refuses data without zero counts; its formula, written out (untruncated mixture):
nz <- with(processed, -sum(log(0.25 * dnbinom(N, 0.3, 0.2 / (0.2 + E)) + 0.75 * dnbinom(N, 3, 2.5 / (2.5 + E)))))
cat("untruncated negLL (negLLzero formula) =", g(nz), "\n")

cat("## unsquashed fit, N* = 1\n")
h_full <- autoHyper(processed, theta_init = theta_init, squashed = FALSE)
cat("autoHyper(processed, theta_init, squashed = FALSE)$estimates =", g(h_full$estimates), "\n")
cat("method =", h_full$method, " num_close =", h_full$num_close, "\n")
print(h_full$theta_hats, digits = 10)
cat("negLL at estimate =", g(negLL(h_full$estimates, processed$N, processed$E, N_star = 1)), "\n")

cat("## squashed as the vignette: squashData(processed); squashData(, count = 2, bin_size = 10, keep_pts = 50)\n")
sq1 <- squashData(processed)
sq2 <- squashData(sq1, count = 2, bin_size = 10, keep_pts = 50)
cat("nrow(sq1) =", nrow(sq1), " sum(w) =", sum(sq1$weight), " sum(w*E) =", g(sum(sq1$weight * sq1$E)),
    " sum(E^2) =", g(sum(sq1$E^2)), "\n")
cat("nrow(sq2) =", nrow(sq2), " sum(w) =", sum(sq2$weight), " sum(w*E) =", g(sum(sq2$weight * sq2$E)),
    " sum(E^2) =", g(sum(sq2$E^2)), "\n")
cat("sq2 N=1 first bin E =", g(sq2$E[sq2$N == 1][1:3]), " weights", sq2$weight[sq2$N == 1][1:3], "\n")
h_sq <- autoHyper(sq2, theta_init = theta_init)
cat("autoHyper(sq2, theta_init)$estimates =", g(h_sq$estimates), "\n")
cat("method =", h_sq$method, " num_close =", h_sq$num_close, "\n")
print(h_sq$theta_hats, digits = 10)
cat("negLLsquash at estimate =", g(negLLsquash(h_sq$estimates, sq2$N, sq2$E, sq2$weight, N_star = 1)), "\n")
asq <- autoSquash(processed)
cat("autoSquash: nrow =", nrow(asq), " sum(w) =", sum(asq$weight), " sum(w*E) =", g(sum(asq$weight * asq$E)),
    " sum(E^2) =", g(sum(asq$E^2)), "\n")

for (ns in 2:3) {
  cat("## N* =", ns, "unsquashed\n")
  pk <- processed[processed$N >= ns, ]
  ex <- exploreHypers(pk, theta_init = theta_init, squashed = FALSE, N_star = ns)$estimates
  print(ex, digits = 10)
  best <- ex[which.min(ifelse(ex$converge & ex$in_bounds, ex$minimum, Inf)), ]
  est <- as.numeric(best[, c("a1_hat", "b1_hat", "a2_hat", "b2_hat", "p_hat")])
  cat("exploreHypers(N>=", ns, ", theta_init, squashed = FALSE, N_star =", ns, ") best =", g(est), "\n")
  cat("negLL at best =", g(negLL(est, pk$N, pk$E, N_star = ns)), "\n")
  r <- tryCatch(autoHyper(pk, theta_init = theta_init, squashed = FALSE, N_star = ns)$estimates,
                error = function(e) conditionMessage(e))
  cat("autoHyper:", if (is.numeric(r)) g(r) else r, "\n")
}
cat("## posterior at the unsquashed estimate, digits = 12\n")
th <- h_full$estimates
eb <- ebScores(processed, hyper_estimate = list(estimates = th), quantiles = c(5, 95), digits = 12)$data
qn <- Qn(th, processed$N, processed$E)
pex <- qn * pgamma(2, th[1] + processed$N, th[2] + processed$E, lower.tail = FALSE) +
  (1 - qn) * pgamma(2, th[3] + processed$N, th[4] + processed$E, lower.tail = FALSE)
rows <- c(1, 2, 3, which.max(processed$N), which.max(processed$E), which(processed$N == 1)[10], 1000, 4000, 6000)
for (r in rows) {
  cat(sprintf("row %d: %s,%s N=%d Qn=%.17g EBGM=%.17g Q05=%.17g Q95=%.17g Pexceed2=%.17g\n", r, pairs$drug[r],
              pairs$event[r], pairs$N[r], qn[r], eb$EBGM[r], eb$QUANT_05[r], eb$QUANT_95[r], pex[r]))
}
