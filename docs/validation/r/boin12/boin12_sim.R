## =====================================================================
## boin12_sim.R -- BOIN12 dose-assignment step + trial simulator
## (transcription of the [AC] get.oc.obd() trial loop; see boin12_lib.R)
## =====================================================================
source(file.path(Sys.getenv("BOIN12_DIR", "docs/validation/r/boin12"), "boin12_lib.R"))

boin12_design <- function(phiT = 0.35, phiE = 0.25, u = default_utility,
                          ncohort = 10, cohortsize = 3, N1 = 6, N2 = 9,
                          cT = 0.95, cE = 0.90, n_cap = ncohort * cohortsize,
                          boundary_method = "numeric", tie = "random",
                          obd_rule = "AC", unimodal = "exact") {
  nmax <- ncohort * cohortsize
  bd <- boin12_boundaries(phiT, phiE, nmax, cT = cT, cE = cE,
                          method = boundary_method)
  ub <- benchmark_utility(phiT, phiE, u)[["ub"]]
  list(phiT = phiT, phiE = phiE, u = u, ncohort = ncohort,
       cohortsize = cohortsize, N1 = N1, N2 = N2, cT = cT, cE = cE,
       n_cap = n_cap, bd = bd, ub = ub, tie = tie, obd_rule = obd_rule,
       unimodal = unimodal)
}

## argmax with the [AC] tie rule (random among exact ties) or "highest"
pick_max <- function(cand, val, tie) {
  best <- cand[val == max(val)]
  if (length(best) == 1) return(best)
  if (tie == "highest") return(max(best))
  if (tie == "lowest") return(min(best))
  best[sample.int(length(best), 1)]
}

## One BOIN12 decision after a cohort has been treated at dose d.
## st: list(n, yT, yE, x, elim) (vectors over doses; x = pseudo-successes)
## Returns list(status = "continue" | "stop" (early, no OBD) |
##              "end" (cap reached, select OBD), d_next, elim, rds)
boin12_decide <- function(st, d, des) {
  J <- length(st$n); bd <- des$bd
  n <- st$n; yT <- st$yT; yE <- st$yE; elim <- st$elim
  nd <- n[d]
  ## (1) toxicity elimination of d and all higher doses; stop if d == 1
  if (!is.na(bd$elimT[nd]) && yT[d] >= bd$elimT[nd]) {
    elim[d:J] <- 1
    if (d == 1) return(list(status = "stop", d_next = NA, elim = elim))
  }
  ## (2) futility elimination of d only
  if (!is.na(bd$elimE[nd]) && yE[d] <= bd$elimE[nd]) elim[d] <- 1
  ## (3) all doses eliminated -> stop
  if (all(elim == 1)) return(list(status = "stop", d_next = NA, elim = elim))
  ## (4) RDS (posterior prob. utility > u_b); untried doses 1 - ub/100;
  ##     eliminated doses 0
  rds <- rds_prob(n, st$x, des$ub) * (1 - elim)
  ## (5) "safe" flag n_d >= N1
  safe <- nd >= des$N1
  ## (6) per-dose cap (AC: n.earlystop = ncohort*cohortsize)
  if (nd >= des$n_cap) return(list(status = "end", d_next = d, elim = elim,
                                   rds = rds))
  lower_ok <- if (d > 1) which(elim[seq_len(d - 1)] == 0) else integer(0)
  upper_ok <- if (d < J) d + which(elim[(d + 1):J] == 0) else integer(0)
  ## (7) BOIN toxicity rule + RDS
  if (yT[d] >= bd$deesc[nd]) {                         # p_hat >= lambda_d
    if (d != 1) {
      if (length(lower_ok) > 0) d_opt <- max(lower_ok)
      else if (elim[d] == 1) return(list(status = "stop", d_next = NA, elim = elim))
      else d_opt <- d
    } else {
      if (elim[1] == 0) d_opt <- 1
      else return(list(status = "stop", d_next = NA, elim = elim))
    }
  } else {
    admi <- d                                          # current dose always
    if (length(lower_ok) > 0) admi <- c(admi, max(lower_ok))
    if (length(upper_ok) > 0 && (!safe || yT[d] <= bd$esc[nd]))
      admi <- c(admi, min(upper_ok))
    if (des$tie == "all") {            # used by exact_oc.R: return the tie set
      best <- admi[rds[admi] == max(rds[admi])]
      return(lapply(best, function(b)
        c(boin12_finish(b, d, n, yT, elim, upper_ok, des),
          list(rds = rds, prob = 1 / length(best)))))
    }
    d_opt <- pick_max(admi, rds[admi], des$tie)
  }
  if (des$tie == "all")
    return(list(c(boin12_finish(d_opt, d, n, yT, elim, upper_ok, des),
                  list(rds = rds, prob = 1))))
  c(boin12_finish(d_opt, d, n, yT, elim, upper_ok, des), list(rds = rds))
}

## steps (8)-(9) of the decision, given the RDS/toxicity choice d_opt
boin12_finish <- function(d_opt, d, n, yT, elim, upper_ok, des) {
  nd <- n[d]
  ## (8) chosen dose eliminated (or everything eliminated) -> stop
  if (elim[d_opt] == 1 || all(elim == 1))
    return(list(status = "stop", d_next = NA, elim = elim))
  ## (9) exploration rule: n_d >= N2, next non-eliminated higher dose
  ##     untried, and p_hat < lambda_d  -> go to it
  if (length(upper_ok) > 0) {
    d_temp <- min(upper_ok)
    if (nd >= des$N2 && n[d_temp] == 0 && yT[d] < des$bd$deesc[nd])
      d_opt <- d_temp
  }
  list(status = "continue", d_next = d_opt, elim = elim)
}

## Simulate one trial.  Outcomes: T ~ Bern(pT[d]), E ~ Bern(pE[d]),
## independent given dose (as [AC]).  Returns selected dose (0 = none).
boin12_trial <- function(pT, pE, des, start = 1) {
  J <- length(pT)
  st <- list(n = numeric(J), yT = numeric(J), yE = numeric(J),
             x = numeric(J), elim = numeric(J))
  jc <- matrix(0, 4, J)   # joint counts per dose: rows n01, n11, n00, n10
  d <- start; status <- "end"
  for (i in seq_len(des$ncohort)) {
    cs <- des$cohortsize
    tt <- runif(cs) < pT[d]            # toxicity of each patient
    ee <- runif(cs) < pE[d]            # efficacy, independent of toxicity
    st$n[d] <- st$n[d] + cs
    st$yT[d] <- st$yT[d] + sum(tt)
    st$yE[d] <- st$yE[d] + sum(ee)
    jc[, d] <- jc[, d] + c(sum(ee & !tt), sum(ee & tt), sum(!ee & !tt),
                           sum(!ee & tt))
    ## x from the integer totals (never accumulated cohort by cohort), so
    ## equal data give bit-identical x and hence exact RDS ties
    st$x[d] <- pseudo_x(jc[1, d], jc[2, d], jc[3, d], jc[4, d], des$u)
    dec <- boin12_decide(st, d, des)
    st$elim <- dec$elim
    if (dec$status != "continue") { status <- dec$status; break }
    d <- dec$d_next
  }
  if (status == "stop") sel <- 0
  else if (des$obd_rule == "AC")
    sel <- select_obd_AC(st$n, st$yT, st$yE, st$elim, des$phiT, des$u,
                         des$unimodal)
  else sel <- select_obd_B(st$n, st$yT, st$yE, st$elim, des$phiT, des$u)
  list(sel = sel, n = st$n, yT = st$yT, yE = st$yE, elim = st$elim,
       stopped = (status == "stop"))
}

boin12_oc <- function(pT, pE, des, ntrial = 10000, seed = 1, start = 1) {
  set.seed(seed)
  J <- length(pT)
  sel <- integer(ntrial); N <- matrix(0, ntrial, J)
  YT <- YE <- matrix(0, ntrial, J)
  for (t in seq_len(ntrial)) {
    r <- boin12_trial(pT, pE, des, start)
    sel[t] <- r$sel; N[t, ] <- r$n; YT[t, ] <- r$yT; YE[t, ] <- r$yE
  }
  p <- sapply(0:J, function(j) mean(sel == j))
  list(sel_pct = 100 * p, sel_se = 100 * sqrt(p * (1 - p) / ntrial),
       npts = colMeans(N), npts_se = apply(N, 2, sd) / sqrt(ntrial),
       ntot = mean(rowSums(N)), ntot_se = sd(rowSums(N)) / sqrt(ntrial),
       ntox = mean(rowSums(YT)), neff = mean(rowSums(YE)),
       ntrial = ntrial, sel = sel, N = N)
}
