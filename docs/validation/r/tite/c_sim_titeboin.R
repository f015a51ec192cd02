# 3c. TITE-BOIN operating characteristics by simulation (own simulator, base R).
# Run: nice Rscript docs/validation/r/tite/c_sim_titeboin.R [nsim] [seed]
# Modelling choices (see docs/validation/r/tite/SPEC.md, section "Simulation model"):
#  * first patient arrives at t = 0; inter-arrival times i.i.d. Exponential(mean 15 days)
#  * a patient with a DLT (prob ptrue[dose]) has DLT time ~ Uniform(0, 90); otherwise no DLT in window
#  * cohorts of 3: the dose of a cohort is decided at the arrival time of its first patient using the
#    data available at that instant; the other 2 patients take the next 2 arrivals at the same dose
#  * "suspend": the arriving patient is turned away (not enrolled, not counted); the decision is
#    re-taken at the next arrival (authors' code: t.decision <- t.decision + rexp(1, accrual))
#  * a patient is "complete" at time t if a DLT occurred by t (tdlt <= t - entry) or t - entry >= 90
#  * stop early (no MTD) when the lowest dose is eliminated at a decision time; duration = that time
#  * otherwise stop enrolling at 30 patients; duration = last entry + 90 (all follow-up complete);
#    MTD = BOIN select.mtd on complete data (isotonic, Beta(0.05,0.05), eliminated doses excluded)
args <- commandArgs(TRUE)
nsim <- if (length(args) >= 1) as.integer(args[1]) else 4000L
seed <- if (length(args) >= 2) as.integer(args[2]) else 20240601L
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "titeboin_core.R"))

ptrue  <- c(0.05, 0.10, 0.20, 0.30, 0.45)
target <- 0.30; csize <- 3L; nmax <- 30L; start <- 1L
Tw <- as.numeric(Sys.getenv("TW", "90")); mean_ia <- as.numeric(Sys.getenv("MEANIA", "15"))  # defaults 90 and 15
K <- length(ptrue)

sim_one <- function() {
  entry <- numeric(0); dose <- integer(0); tdlt <- numeric(0)
  elim <- rep(FALSE, K); d <- start; t <- 0; nsusp <- 0L; stop_time <- NA_real_
  enroll <- function(tt, dd) {
    entry <<- c(entry, tt); dose <<- c(dose, dd)
    tdlt <<- c(tdlt, if (runif(1) < ptrue[dd]) runif(1, 0, Tw) else Inf)
  }
  repeat {
    m <- min(csize, nmax - length(entry))
    for (k in seq_len(m)) {               # 1st member enrolled at the decision time t
      if (k > 1) t <- t + rexp(1, 1 / mean_ia)
      enroll(t, d)
    }
    if (length(entry) >= nmax) break
    repeat {                                    # decision at the next arrival
      t <- t + rexp(1, 1 / mean_ia)
      el <- t - entry
      dltobs <- tdlt <= el
      pend <- !dltobs & el < Tw
      n <- tabulate(dose, K)
      y <- tabulate(dose[dltobs], K)
      cc <- tabulate(dose[pend], K)
      st <- vapply(1:K, function(j) sum(el[pend & dose == j]) / Tw, 0)
      res <- titeboin_decide(n, y, cc, st, d, elim, target)
      elim <- res$elim
      if (res$action == "suspend") { nsusp <- nsusp + 1L; next }
      break
    }
    if (res$action == "stop") { stop_time <- t; break }
    d <- res$dose
  }
  n <- tabulate(dose, K); y <- tabulate(dose[is.finite(tdlt)], K)
  if (!is.na(stop_time)) {
    mtd <- NA_integer_; dur <- stop_time
  } else {
    mtd <- boin_select_mtd(target, n, y); dur <- max(entry) + Tw
  }
  list(mtd = mtd, n = n, y = y, dur = dur, nsusp = nsusp, early = !is.na(stop_time))
}

set.seed(seed)
t0 <- proc.time()
out <- replicate(nsim, sim_one(), simplify = FALSE)
el <- (proc.time() - t0)[["elapsed"]]

sel <- vapply(out, function(o) if (is.na(o$mtd)) 0L else o$mtd, 0L)
N <- t(vapply(out, function(o) o$n, numeric(K)))
Y <- t(vapply(out, function(o) o$y, numeric(K)))
dur <- vapply(out, function(o) o$dur, 0)
ns <- vapply(out, function(o) o$nsusp, 0L)
early <- vapply(out, function(o) o$early, NA)

selp <- sapply(0:K, function(k) mean(sel == k))
sel_se <- sqrt(selp * (1 - selp) / nsim)
cat(sprintf("TITE-BOIN  nsim=%d seed=%d  (elapsed %.1f s)\n", nsim, seed, el))
cat("true p:", ptrue, " target", target, " lambda_e/d:", round(boin_lambdas(target), 4), "\n")
cat("selection %  (none, dose1..5):", sprintf("%.2f", 100 * selp), "\n")
cat("  MC SE (pp)                   :", sprintf("%.2f", 100 * sel_se), "\n")
cat("patients per dose              :", sprintf("%.3f", colMeans(N)), "\n")
cat("  MC SE                        :", sprintf("%.3f", apply(N, 2, sd) / sqrt(nsim)), "\n")
cat("DLTs per dose                  :", sprintf("%.3f", colMeans(Y)), "\n")
cat(sprintf("mean total n %.3f (SE %.3f); early stop %% %.2f\n", mean(rowSums(N)),
            sd(rowSums(N)) / sqrt(nsim), 100 * mean(early)))
cat(sprintf("mean duration (days, from first arrival) %.2f (SE %.2f); sd %.2f\n",
            mean(dur), sd(dur) / sqrt(nsim), sd(dur)))
cat(sprintf("mean number of suspended (turned-away) arrivals %.3f (SE %.3f)\n",
            mean(ns), sd(ns) / sqrt(nsim)))
