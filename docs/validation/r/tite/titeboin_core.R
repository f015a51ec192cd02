# TITE-BOIN core (base R only).  Independent transcription of
#   Yuan, Lin, Li, Nie, Warren (2018) Clin Cancer Res 24:4921-4930 (TITE-BOIN, "imputation"
#   estimator, Supplementary Appendix A; decision Table 1 (target 0.2) and Table S1 (target 0.3)),
# with the simulation conventions of the authors' reference code
#   ruitaolin/TITE-MAD get.oc.tite.R (Lin & Yuan 2020) and CRAN TITEgBOIN next_TITE_QuasiBOIN.R.
# See docs/validation/r/tite/SPEC.md for the numbered algorithm and the sources of each rule.

boin_lambdas <- function(target, p.saf = 0.6 * target, p.tox = 1.4 * target) {
  # BOIN optimal boundaries (Liu & Yuan 2015; BOIN::get.boundary, TITEgBOIN lambda1/lambda2)
  le <- log((1 - p.saf) / (1 - target)) / log(target * (1 - p.saf) / (p.saf * (1 - target)))
  ld <- log((1 - target) / (1 - p.tox)) / log(p.tox * (1 - target) / (target * (1 - p.tox)))
  c(lambda_e = le, lambda_d = ld)
}

# Imputation estimate of the DLT rate at one dose (Yuan et al. 2018, Suppl. App. A):
#   n treated, y observed DLTs (all among completed), c pending, stft = sum(u_i/T) over pending,
#   r = n - c completed; prior Beta(target/2, 1 - target/2) =>
#   ptilde = (y + target/2)/(r + 1);  q = ptilde/(1 - ptilde)
#   phat = (y + q * (c - stft)) / n        (phat = y/n when c = 0)
titeboin_phat <- function(n, y, c, stft, target) {
  if (c == 0) return(y / n)
  r <- n - c
  pt <- (y + target / 2) / (r + 1)
  q <- pt / (1 - pt)
  (y + q * (c - stft)) / n
}

# Posterior elimination rule (BOIN): n >= 3 and Pr(p > target | y, n) > cutoff under Beta(1,1);
# y = observed DLTs, n = ALL treated at the dose (pending counted as no DLT).
elim_flag <- function(n, y, target, cutoff = 0.95, n_min = 3) {
  n >= n_min && (1 - pbeta(target, y + 1, n - y + 1)) > cutoff
}

# Decision at the current dose d.
#  n, y, c, stft: vectors over doses (c = pending count, stft = standardized total follow-up of pending)
#  elim: logical vector of doses already eliminated (carried over between decisions)
# Returns list(action, dose, elim):
#  action in "escalate","stay","deescalate","suspend","eliminate"(current dose eliminated -> move down),
#         "stop" (lowest dose eliminated: trial ends, no MTD)
titeboin_decide <- function(n, y, c, stft, d, elim, target,
                            p.saf = 0.6 * target, p.tox = 1.4 * target,
                            cutoff = 0.95, maxpen = 0.5, suspend_at_lowest = TRUE) {
  K <- length(n)
  lam <- boin_lambdas(target, p.saf, p.tox)
  # Rule 1: elimination, checked at every dose, lowest first; eliminates j and all higher doses
  for (j in 1:K) {
    if (elim_flag(n[j], y[j], target, cutoff)) { elim[j:K] <- TRUE; break }
  }
  # Rule 2: current dose eliminated -> highest non-eliminated lower dose, or stop
  if (elim[d]) {
    lo <- which(elim)[1] - 1
    if (lo == 0) return(list(action = "stop", dose = NA_integer_, elim = elim))
    return(list(action = "eliminate", dose = lo, elim = elim))
  }
  nd <- n[d]; yd <- y[d]; cd <- c[d]; sd <- stft[d]
  deesc <- function() {
    if (d > 1) return(list(action = "deescalate", dose = d - 1L, elim = elim))
    if (suspend_at_lowest && cd > 0) return(list(action = "suspend", dose = d, elim = elim))
    list(action = "stay", dose = d, elim = elim)
  }
  # Rule 3: de-escalate whatever the pending outcomes if observed y/n >= lambda_d
  if (yd / nd >= lam[["lambda_d"]]) return(deesc())
  # Rule 4: suspend accrual if more than maxpen (50%) of patients at the current dose are pending
  if (cd / nd > maxpen) return(list(action = "suspend", dose = d, elim = elim))
  # Rule 5: imputation estimate and BOIN comparison, with the coherence restriction
  #         (escalate only if y/n < target, de-escalate only if y/n >= target)
  ph <- titeboin_phat(nd, yd, cd, sd, target)
  if (ph <= lam[["lambda_e"]] && yd / nd < target) {
    if (d == K || elim[d + 1]) return(list(action = "stay", dose = d, elim = elim))
    return(list(action = "escalate", dose = d + 1L, elim = elim))
  }
  if (ph >= lam[["lambda_d"]] && yd / nd >= target) return(deesc())
  list(action = "stay", dose = d, elim = elim)
}

# STFT boundaries for one (n, y, c) cell, STFT in [0, c):
#  escalate iff STFT >= esc; de-escalate iff STFT <= deesc   (NA = not applicable)
titeboin_cell <- function(n, y, c, target, p.saf = 0.6 * target, p.tox = 1.4 * target,
                          cutoff = 0.95, maxpen = 0.5) {
  lam <- boin_lambdas(target, p.saf, p.tox)
  if (elim_flag(n, y, target, cutoff)) return(list(dec = "DE", esc = NA, deesc = NA))
  if (y / n >= lam[["lambda_d"]]) return(list(dec = "D", esc = NA, deesc = NA))
  if (c / n > maxpen) return(list(dec = "SUS", esc = NA, deesc = NA))
  if (c == 0) {
    dec <- if (y / n <= lam[["lambda_e"]]) "E" else "S"
    return(list(dec = dec, esc = NA, deesc = NA))
  }
  r <- n - c; pt <- (y + target / 2) / (r + 1); odds <- (1 - pt) / pt
  if (y / n < target) {
    b <- c - odds * (n * lam[["lambda_e"]] - y)
    if (b <= 0) return(list(dec = "E", esc = NA, deesc = NA))
    if (b >= c) return(list(dec = "S", esc = NA, deesc = NA))
    return(list(dec = "ES", esc = b, deesc = NA))
  } else {
    b <- c - odds * (n * lam[["lambda_d"]] - y)
    if (b >= c) return(list(dec = "D", esc = NA, deesc = NA))
    if (b < 0) return(list(dec = "S", esc = NA, deesc = NA))
    return(list(dec = "SD", esc = NA, deesc = b))
  }
}

# BOIN::select.mtd (cran/BOIN R/select.mtd.R, boundMTD = FALSE, extrasafe = FALSE)
pava <- function(x, wt = rep(1, length(x))) {
  n <- length(x); if (n <= 1) return(x)
  lvl <- 1:n
  repeat {
    viol <- diff(x) < 0
    if (!any(viol)) break
    i <- min(which(viol)); l1 <- lvl[i]; l2 <- lvl[i + 1]
    il <- lvl == l1 | lvl == l2
    x[il] <- sum(x[il] * wt[il]) / sum(wt[il]); lvl[il] <- l1
  }
  x
}
boin_select_mtd <- function(target, npts, ntox, cutoff = 0.95) {
  K <- length(npts); elim <- rep(FALSE, K)
  for (i in 1:K) if (elim_flag(npts[i], ntox[i], target, cutoff)) { elim[i:K] <- TRUE; break }
  if (elim[1] || sum(npts[!elim]) == 0) return(NA_integer_)   # 99 in BOIN = no MTD
  adm <- which(npts != 0 & !elim)
  y <- ntox[adm]; n <- npts[adm]
  ph <- (y + 0.05) / (n + 0.1)
  v <- (y + 0.05) * (n - y + 0.05) / ((n + 0.1)^2 * (n + 0.1 + 1))
  ph <- pava(ph, 1 / v) + seq_along(ph) * 1e-10
  adm[order(abs(ph - target))[1]]
}
