# Reference values for biomarker.stepp (SteppTest): R 4.2.2, stepp 3.2.7 (github:cran/stepp, installed from source
# into /work/Rlib), on the data of interaction.R (run that first). Run from the repository root:
# Rscript docs/validation/r/biomarker/stepp.R
.libPaths(c("/work/Rlib", .libPaths()))
suppressMessages(library(stepp))
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
d <- read.csv("tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/predictive/interaction-data.csv")
for (r in list(c(20, 60), c(30, 80), c(0, 50))) {
  sp <- stepp.subpop(swin = stepp.win(type = "sliding", r1 = r[1], r2 = r[2]), cov = d$marker)
  cat("r1 r2", r, "windows", sp@nsubpop, "\n npatsub: "); f(sp@npatsub)
  cat(" minc: "); f(sp@minc); cat(" maxc: "); f(sp@maxc)
}
sp <- stepp.subpop(swin = stepp.win(type = "sliding", r1 = 20, r2 = 60), cov = d$marker)
cat("medians (unrounded): "); f(apply(sp@subpop, 2, function(s) median(d$marker[s == 1])))
# survival: Kaplan-Meier at t = 4 per window and arm, permutation p of the supremum test
km <- stepp.KM(coltrt = d$trt, survTime = d$time, censor = d$event, trts = c(0, 1), timePoint = 4)
set.seed(20261203)
res <- stepp.test(sp, km, nperm = 2500, showstatus = FALSE)
e <- res@effect$TrtEff
cat("KM control sObs: "); f(e[[1]]$sObs); cat("KM control sSE: "); f(e[[1]]$sSE)
cat("KM treated sObs: "); f(e[[2]]$sObs); cat("KM treated sSE: "); f(e[[2]]$sSE)
cat("KM overall control, treated: "); f(c(e[[1]]$oObs, e[[2]]$oObs)); cat("overall SEs: "); f(c(e[[1]]$oSE, e[[2]]$oSE))
cat("stepp supremum p (2500 permutations): "); f(res@testresults$Res[[1]]$pvalue)
# the same with survival::survfit at t = 4 (window 1, treated), as a check of stepp's KM
s1 <- sp@subpop[, 1] == 1 & d$trt == 1
sf <- summary(survfit(Surv(time, event) ~ 1, data = d[s1, ]), times = 4)
cat("survfit window 1 treated surv, std.err: "); f(c(sf$surv, sf$std.err))
# binary and continuous: response rates and means per window and arm
for (i in 1:sp@nsubpop) {
  w <- sp@subpop[, i] == 1
  p1 <- mean(d$yb[w & d$trt == 1]); p0 <- mean(d$yb[w & d$trt == 0])
  n1 <- sum(w & d$trt == 1); n0 <- sum(w & d$trt == 0)
  se <- sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)
  cat("window", i, "binary p1 p0 diff lo hi: "); f(c(p1, p0, p1 - p0, p1 - p0 - qnorm(0.975) * se, p1 - p0 + qnorm(0.975) * se))
  m1 <- mean(d$y[w & d$trt == 1]); m0 <- mean(d$y[w & d$trt == 0])
  se <- sqrt(var(d$y[w & d$trt == 1]) / n1 + var(d$y[w & d$trt == 0]) / n0)
  cat("window", i, "continuous m1 m0 diff lo hi: "); f(c(m1, m0, m1 - m0, m1 - m0 - qnorm(0.975) * se, m1 - m0 + qnorm(0.975) * se))
}
