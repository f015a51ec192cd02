## =====================================================================
## boin12_lib.R -- independent base-R transcription of the BOIN12 design
## (Lin R, Zhou Y, Yan F, Li D, Yuan Y. JCO Precis Oncol 2020;4:1393-1402)
##
## Rule sources (see docs/validation/r/boin12/SPEC.md for the full discussion):
##  [AC]  the authors' OC-simulation code "get.oc.obd" (copies: CRAN
##        phase12designs R/oc_boin12.R + R/utils.R; "modified_boin12.R" by
##        Shi, Lin (BOIN12 co-author) & Lin; a seamless phase I/II/III
##        code using the same phase-I block).  Dose assignment, elimination,
##        N1=6, N2=9, benchmark, posH/RDS, OBD selection are taken from it.
##  [ESC] R package 'escalation' (Brock): boin12_logic.R / boin12_rds.R and
##        tests (reproduce Table 3 of the paper, the worked example on
##        p.1396, and the MD Anderson BOIN12 Shiny app).
##  [ISO] R package 'Iso' (Turner): ufit/unimode/pava Fortran.
## Only base R is used.
## =====================================================================

## ---------------------------------------------------------------------
## 1. BOIN toxicity boundaries
## ---------------------------------------------------------------------
boin_lambda <- function(phiT, phi1 = 0.6 * phiT, phi2 = 1.4 * phiT) {
  lambda_e <- log((1 - phi1) / (1 - phiT)) /
    log(phiT * (1 - phi1) / (phi1 * (1 - phiT)))
  lambda_d <- log((1 - phiT) / (1 - phi2)) /
    log(phi2 * (1 - phiT) / (phiT * (1 - phi2)))
  c(lambda_e = lambda_e, lambda_d = lambda_d)
}

## [AC] get.boundary(): numerical search that minimises the summed decision
## error; plus Beta(1,1) elimination boundaries for toxicity and futility.
## Returned as count boundaries indexed by n (n = 1..nmax).
##   esc[n]   : escalate-able if yT <= esc[n]
##   deesc[n] : de-escalate if yT >= deesc[n]   (capped at elimT[n], as [AC])
##   elimT[n] : eliminate dose (and all higher) if yT >= elimT[n]  (NA = never)
##   elimE[n] : eliminate dose (futility)     if yE <= elimE[n]  (NA = never)
boin12_boundaries <- function(phiT, phiE, nmax, phi1 = 0.6 * phiT,
                              phi2 = 1.4 * phiT, cT = 0.95, cE = 0.90,
                              method = c("numeric", "lambda")) {
  method <- match.arg(method)
  lam <- boin_lambda(phiT, phi1, phi2)
  esc <- deesc <- elimT <- elimE <- rep(NA_integer_, nmax)
  for (n in 1:nmax) {
    if (method == "numeric") {
      error.min <- 3
      for (m1 in 0:(n - 1)) for (m2 in (m1 + 1):n) {
        e1 <- pbinom(m1, n, phiT) + 1 - pbinom(m2 - 1, n, phiT)
        e2 <- 1 - pbinom(m1, n, phi1)
        e3 <- pbinom(m2 - 1, n, phi2)
        err <- e1 + e2 + e3
        if (err < error.min) { error.min <- err; c1 <- m1; c2 <- m2 }
      }
      esc[n] <- c1; deesc[n] <- c2
    } else {                      # BOIN package convention
      esc[n] <- floor(lam[["lambda_e"]] * n)
      deesc[n] <- floor(lam[["lambda_d"]] * n) + 1
    }
    if (n >= 3) {                 # >= 3 patients before any elimination
      for (nt in 3:n) {
        if (1 - pbeta(phiT, nt + 1, n - nt + 1) > cT) { elimT[n] <- nt; break }
      }
      for (ne in n:0) {
        if (pbeta(phiE, ne + 1, n - ne + 1) > cE) { elimE[n] <- ne; break }
      }
    }
    if (!is.na(elimT[n]) && deesc[n] > elimT[n]) deesc[n] <- elimT[n]
  }
  list(lambda = lam, esc = esc, deesc = deesc, elimT = elimT, elimE = elimE)
}

## ---------------------------------------------------------------------
## 2. Utility, benchmark and RDS
## ---------------------------------------------------------------------
## utility vector, named by outcome (E,T):  u["E1T0"]=100 ... u["E0T1"]=0
default_utility <- c(E1T0 = 100, E1T1 = 60, E0T0 = 40, E0T1 = 0)

## [AC]/[ESC]: u_bar = expected utility of a dose with pT = phiT, pE = phiE
## under independence ("highest unacceptable utility"); u_b = u_bar +
## (100 - u_bar)/2 ("benchmark / desirable utility").
benchmark_utility <- function(phiT, phiE, u = default_utility) {
  ubar <- u[["E1T0"]] * phiE * (1 - phiT) + u[["E1T1"]] * phiE * phiT +
    u[["E0T0"]] * (1 - phiE) * (1 - phiT) + u[["E0T1"]] * (1 - phiE) * phiT
  c(ubar = ubar, ub = ubar + (100 - ubar) / 2)
}

## quasi-binomial pseudo-success count x = sum(u_i)/100 from joint counts
pseudo_x <- function(n01, n11, n00, n10, u = default_utility) {
  (u[["E1T0"]] * n01 + u[["E1T1"]] * n11 + u[["E0T0"]] * n00 +
     u[["E0T1"]] * n10) / 100
}
## general additive form: x = [u00*n + (u01-u00)*yE + (u10-u00)*yT]/100
pseudo_x_additive <- function(n, yT, yE, u = default_utility) {
  (u[["E0T0"]] * n + (u[["E1T0"]] - u[["E0T0"]]) * yE +
     (u[["E0T1"]] - u[["E0T0"]]) * yT) / 100
}

## RDS probability: P(utility > u_b | data) with posterior Beta(1+x, 1+n-x)
## computed exactly as [AC]: 1 - pbeta(ub/100, 1+x, 1+n-x)
## (an untried dose, n = 0, gets 1 - ub/100)
rds_prob <- function(n, x, ub, a0 = 1, b0 = 1) {
  1 - pbeta(ub / 100, a0 + x, b0 + n - x)
}

## ---------------------------------------------------------------------
## 3. Isotonic tools
## ---------------------------------------------------------------------
## weighted PAVA (non-decreasing), identical to [AC] pava()
pava_w <- function(x, wt = rep(1, length(x))) {
  n <- length(x)
  if (n <= 1) return(x)
  lvlsets <- 1:n
  repeat {
    viol <- as.vector(diff(x)) < 0
    if (!any(viol)) break
    i <- min((1:(n - 1))[viol])
    lvl1 <- lvlsets[i]; lvl2 <- lvlsets[i + 1]
    ilvl <- (lvlsets == lvl1 | lvlsets == lvl2)
    x[ilvl] <- sum(x[ilvl] * wt[ilvl]) / sum(wt[ilvl])
    lvlsets[ilvl] <- lvl1
  }
  x
}

## Exact weighted least-squares unimodal fit with the mode fixed at index m
## (f_1<=...<=f_m>=f_{m+1}>=...>=f_J), by brute force over the 2^(J-1)
## contiguous-block partitions (block value = weighted mean; keep the
## feasible partition with the smallest weighted SSE).  Unambiguous
## definition for the Java port (J <= ~12).
unimodal_fit_exact <- function(y, w, m) {
  J <- length(y)
  if (J == 1) return(y)
  best <- NULL; bestsse <- Inf
  for (code in 0:(2^(J - 1) - 1)) {
    cut <- as.logical(bitwAnd(code, 2^(0:(J - 2))))  # cut after position k
    blk <- cumsum(c(1, cut))
    bm <- tapply(y * w, blk, sum) / tapply(w, blk, sum)
    f <- as.numeric(bm[blk])
    d <- diff(f)                    # d[k] = f[k+1] - f[k], k = 1..J-1
    k <- seq_len(J - 1)
    ok <- all(d[k < m] >= -1e-12) && all(d[k >= m] <= 1e-12)
    if (!ok) next
    sse <- sum(w * (y - f)^2)
    if (sse < bestsse - 1e-15) { bestsse <- sse; best <- f }
  }
  best
}

## Port of Iso::ufit(y, lmode=m, x=..., w) as it behaved when the BOIN12
## code was written (Iso <= 0.0-18: mode index = m).  Fortran 'unimode'
## for an interior integer mode: PAVA increasing on 1..m-1, decreasing on
## m+1..J, merge the fitted values ascending (ties: right-hand side first),
## append y_m, PAVA on the merged sequence, un-merge.  weight_bug=TRUE
## reproduces the Fortran's weight assignment w_merged[k] = w[ind^-1(k)]
## (inverse permutation); weight_bug=FALSE uses w[ind(k)] (mathematically
## correct; then equals unimodal_fit_exact()).
pava_iso <- function(y, w) {           # Iso Fortran pava, returns y and block w
  n <- length(y); kt <- 1:n
  if (n == 1) return(list(y = y, w = w))
  repeat {
    same <- TRUE
    for (i in 2:n) {
      if (y[i - 1] > y[i]) {
        k1 <- kt[i]; k2 <- kt[i - 1]
        kt[kt == k1] <- k2
        wnew <- w[i - 1] + w[i]
        ynew <- (w[i - 1] * y[i - 1] + w[i] * y[i]) / wnew
        y[kt == k2] <- ynew; w[kt == k2] <- wnew
        same <- FALSE
      }
    }
    if (same) break
  }
  list(y = y, w = w)
}
unimodal_fit_iso <- function(y, w, m, weight_bug = TRUE) {
  n <- length(y)
  if (m >= n) return(pava_iso(y, w)$y)
  k1 <- m - 1; k2 <- n - m
  y1 <- y[seq_len(k1)]; w1 <- w[seq_len(k1)]
  y2 <- rev(y[(m + 1):n]); w2 <- rev(w[(m + 1):n])
  if (k1 > 0) y1 <- pava_iso(y1, w1)$y
  if (k2 > 0) y2 <- pava_iso(y2, w2)$y
  yk <- y[m]
  ym <- numeric(n); ind <- integer(n)
  i1 <- 1; i2 <- 1; i <- 1
  repeat {
    t1 <- if (i1 <= k1) y1[i1] else y2[k2] + 1e10
    t2 <- if (i2 <= k2) y2[i2] else y1[k1] + 1e10
    if (t1 < t2) { ym[i] <- y1[i1]; ind[i] <- i1; i1 <- i1 + 1 }
    else { ym[i] <- y2[i2]; ind[i] <- n - i2 + 1; i2 <- i2 + 1 }
    i <- i + 1
    if (i == n) break
  }
  ym[n] <- yk; ind[n] <- k1 + 1
  if (weight_bug) { wm <- numeric(n); wm[ind] <- w } else wm <- w[ind]
  fit <- pava_iso(ym, wm)$y
  out <- numeric(n); out[ind] <- fit
  out
}

## [AC] peestimate(): model-averaged unimodal isotonic efficacy estimate
## pe = (yE+0.05)/(n+0.1); weights n+0.5; for every mode position i the
## unimodal fit p.e[i,]; weight_i ∝ prod_j dbinom(yE_j, n_j, p.e[i,j]);
## result = sum_i weight_i * p.e[i,] + 0.01*(1:J)
peestimate <- function(yE, n, unimodal = c("exact", "brute", "iso_bug",
                                             "iso_fixed", "increasing")) {
  unimodal <- match.arg(unimodal)
  J <- length(yE)
  pe <- (yE + 0.05) / (n + 0.1)
  w <- n + 0.5
  p.e <- matrix(NA, J, J); lik <- numeric(J)
  for (i in 1:J) {
    p.e[i, ] <- switch(unimodal,
      exact = unimodal_fit_iso(pe, w, i, FALSE),   # == unimodal_fit_exact
      brute = unimodal_fit_exact(pe, w, i),
      iso_bug = unimodal_fit_iso(pe, w, i, TRUE),
      iso_fixed = unimodal_fit_iso(pe, w, i, FALSE),
      increasing = pava_w(pe, w))          # what current Iso (>=0.0-21) gives
    lik[i] <- prod(dbinom(yE, n, p.e[i, ]))
  }
  lik <- lik / sum(lik)
  as.numeric(t(p.e) %*% lik) + 0.01 * seq_len(J)
}

## ---------------------------------------------------------------------
## 4. Final OBD selection
## ---------------------------------------------------------------------
## Primary rule = [AC].  Returns the selected dose (1..J).
select_obd_AC <- function(n, yT, yE, elim, phiT, u = default_utility,
                          unimodal = "exact") {
  J <- length(n)
  pT <- (yT + 0.05) / (n + 0.1)
  pT <- pava_w(pT, n + 0.1) + 0.001 * seq_len(J)
  pE <- peestimate(yE, n, unimodal)
  ## expected utility under independence (reduces to u11*pE+u00*(1-pT),
  ## the [AC] formula, for the default utilities)
  U <- u[["E1T0"]] * pE * (1 - pT) + u[["E1T1"]] * pE * pT +
    u[["E0T0"]] * (1 - pE) * (1 - pT) + u[["E0T1"]] * (1 - pE) * pT
  U[elim == 1] <- -100
  U[n == 0] <- -100
  d_mtd <- which.min(abs(pT - phiT))
  which.max(U[1:d_mtd])
}

## Variant B (Yuan-group later code, e.g. PK-BOIN12 fun_TITE_PKBOIN12_OBD):
## BOIN-style PAVA of x/n with weights 1/var (untried dose -> phiT),
## MTD closest to phiT; OBD = argmax posterior-mean utility (x+1)/(n+2)
## among non-eliminated, tried doses <= MTD.
select_obd_B <- function(n, yT, yE, elim, phiT, u = default_utility) {
  J <- length(n)
  phat <- rep(phiT, J); tried <- n > 0
  phat[tried] <- yT[tried] / n[tried]
  wv <- 1 / ((yT + 0.05) * (n - yT + 0.05) / ((n + 0.1)^2 * (n + 0.1 + 1)))
  pt <- pava_w(phat, wv) + 0.001 * seq_len(J)
  mtd <- which.min(abs(pt - phiT))
  x <- pseudo_x_additive(n, yT, yE, u)
  ubar <- (x + 1) / (n + 2)
  ubar[elim == 1] <- -100; ubar[n == 0] <- -100
  which.max(ubar[1:mtd])
}
