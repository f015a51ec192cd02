## =====================================================================
## rds_values.R -- part (a): RDS numbers, Table-3 rank check, decisions
## run:  nice Rscript docs/validation/r/boin12/rds_values.R
## =====================================================================
source("docs/validation/r/boin12/boin12_sim.R")
options(digits = 12)

phiT <- 0.35; phiE <- 0.25; u <- default_utility
cat("== constants ==\n")
print(boin_lambda(phiT), digits = 12)
bu <- benchmark_utility(phiT, phiE, u); print(bu)
cat(sprintf("RDS of an untried dose = 1 - ub/100 = %.10f\n",
            rds_prob(0, 0, bu[["ub"]])))
bd <- boin12_boundaries(phiT, phiE, 30)
cat("\n== count boundaries (n = 1..30) ==\n")
print(rbind(n = 1:30, esc = bd$esc, deesc = bd$deesc, elimT = bd$elimT,
            elimE = bd$elimE))

## ---------------------------------------------------------------------
cat("\n== RDS = P(u > u_b | data) = 1 - pbeta(0.705, 1+x, 1+n-x) ==\n")
## data sets given as joint counts (n01 = E1T0, n11 = E1T1, n00 = E0T0,
## n10 = E0T1); x = (100 n01 + 60 n11 + 40 n00 + 0 n10)/100
ds <- rbind(
  c(0, 0, 0, 0), c(0, 0, 3, 0), c(0, 1, 1, 1), c(2, 0, 1, 0),
  c(3, 0, 0, 0), c(0, 0, 0, 3), c(1, 1, 1, 0), c(2, 1, 1, 2),
  c(3, 1, 1, 1), c(4, 0, 2, 0), c(3, 2, 3, 1), c(0, 0, 9, 0),
  c(6, 1, 4, 1), c(2, 1, 2, 1))
colnames(ds) <- c("n01", "n11", "n00", "n10")
n <- rowSums(ds); x <- pseudo_x(ds[, 1], ds[, 2], ds[, 3], ds[, 4], u)
out <- data.frame(ds, n = n, yT = ds[, 2] + ds[, 4], yE = ds[, 1] + ds[, 2],
                  x = x, a = 1 + x, b = 1 + n - x,
                  RDS = sprintf("%.10f", rds_prob(n, x, bu[["ub"]])),
                  post_mean_u = sprintf("%.10f", (x + 1) / (n + 2)))
print(out, row.names = FALSE)

## ---------------------------------------------------------------------
cat("\n== Table 3 rank check (escalation test values) ==\n")
## rank (average ties) of P(u>ub) among ADMISSIBLE (n, yT, yE),
## n in {0,3,6,9}; admissible: P(pT>phiT)<0.95 and P(pE<phiE)<0.90
rows <- NULL
for (nn in c(0, 3, 6, 9)) for (t in 0:nn) for (e in 0:nn)
  rows <- rbind(rows, c(nn, t, e))
N <- rows[, 1]; T <- rows[, 2]; E <- rows[, 3]
adm <- (1 - pbeta(phiT, 1 + T, 1 + N - T) < 0.95) &
  (pbeta(phiE, 1 + E, 1 + N - E) < 0.90)
xx <- pseudo_x_additive(N, T, E, u)
pr <- rds_prob(N, xx, bu[["ub"]])
rk <- rep(NA, length(N)); rk[adm] <- rank(pr[adm])
chk <- rbind(c(0,0,0,60), c(3,0,3,91), c(6,1,5,87), c(6,5,1,NA),
             c(9,0,8,99), c(9,2,3,32.5), c(9,5,5,32.5), c(9,3,1,7),
             c(9,4,0,NA), c(9,6,9,NA))
res <- t(apply(chk, 1, function(r) {
  i <- which(N == r[1] & T == r[2] & E == r[3]); c(r, rk[i]) }))
colnames(res) <- c("n", "tox", "eff", "expected_rank", "our_rank")
print(res)

## ---------------------------------------------------------------------
## helper: run escalation-style outcome strings through boin12_decide
## codes: E = eff & no tox, T = tox & no eff, B = both, N = neither
run_path <- function(path, des, J = 5) {
  st <- list(n = numeric(J), yT = numeric(J), yE = numeric(J),
             x = numeric(J), elim = numeric(J), jc = matrix(0, 4, J))
  res <- NULL
  for (tok in strsplit(path, " ")[[1]]) {
    d <- as.integer(substr(tok, 1, 1))
    oc <- strsplit(substring(tok, 2), "")[[1]]
    tt <- oc %in% c("T", "B"); ee <- oc %in% c("E", "B")
    st$n[d] <- st$n[d] + length(oc); st$yT[d] <- st$yT[d] + sum(tt)
    st$yE[d] <- st$yE[d] + sum(ee)
    st$jc[, d] <- st$jc[, d] + c(sum(ee & !tt), sum(ee & tt),
                                 sum(!ee & !tt), sum(!ee & tt))
    st$x[d] <- pseudo_x(st$jc[1, d], st$jc[2, d], st$jc[3, d], st$jc[4, d], des$u)
    dec <- boin12_decide(st, d, des)
    st$elim <- dec$elim
    rd <- if (is.null(dec$rds)) rep(NA, J) else dec$rds
    res <- rbind(res, data.frame(cohort = tok, n_d = st$n[d], yT_d = st$yT[d],
      x_d = st$x[d], status = dec$status, next_dose = dec$d_next,
      rds = paste(sprintf("%.4f", rd), collapse = " ")))
    if (dec$status != "continue") break
  }
  list(table = res, st = st)
}

cat("\n== Worked example of the paper (p.1396 / Data Supplement Fig S2) ==\n")
cat("expected next doses: 2 3 3 4 4 4 5 5 4 then stop (12 at dose 4)\n")
des12 <- boin12_design(n_cap = 12, tie = "highest")
r <- run_path("1NNN 2NNB 3NEE 3NTN 4ETE 4NBE 4BNN 5BEN 5NBT 4NEN", des12)
print(r$table, row.names = FALSE)
st <- r$st
cat("final OBD (AC rule, exact unimodal):",
    select_obd_AC(st$n, st$yT, st$yE, st$elim, phiT, u), "\n")
cat("final OBD (AC rule, Iso-bug unimodal):",
    select_obd_AC(st$n, st$yT, st$yE, st$elim, phiT, u, "iso_bug"), "\n")
cat("final OBD (variant B, posterior-mean utility):",
    select_obd_B(st$n, st$yT, st$yE, st$elim, phiT, u), "\n")
cat("pE estimate (exact):",
    sprintf("%.10f", peestimate(st$yE, st$n, "exact")), "\n")
pTt <- pava_w((st$yT + 0.05) / (st$n + 0.1), st$n + 0.1) + 0.001 * (1:5)
cat("pT isotonic + 0.001j:", sprintf("%.10f", pTt), "\n")

r2 <- run_path("1NNN 2ENT 3ETT 2EEN", des12)
cat("\np.1396 example '1NNN 2ENT 3ETT 2EEN' (expected next dose 2):\n")
print(r2$table, row.names = FALSE)

cat("\n== MD Anderson Shiny-app single-cohort checks (escalation tests) ==\n")
## app resolves RDS ties towards the higher dose -> tie = "highest"
desA <- boin12_design(n_cap = 12, tie = "highest")
cases <- c("1EBB"=1,"1EEB"=1,"1EEE"=1,"1EET"=1,"1ETB"=1,"1ETT"=1,"1NBB"=1,
  "1NEB"=1,"1NEE"=1,"1NET"=2,"1NNB"=2,"1NNE"=2,"1NNN"=2,"1NNT"=2,"1NTB"=1,
  "1NTT"=1,"2BBB"=1,"2EBB"=1,"2EEB"=2,"2EEE"=2,"2EET"=2,"2ETB"=1,"2ETT"=1,
  "2NBB"=1,"2NEB"=2,"2NEE"=2,"2NET"=3,"2NNB"=3,"2NNE"=3,"2NNN"=3,"2NNT"=3,
  "2NTB"=1,"2NTT"=1,"2TBB"=1,"2TTB"=1,"2TTT"=1,"5BBB"=4,"5EBB"=4,"5EEB"=5,
  "5EEE"=5,"5EET"=5,"5ETB"=4,"5ETT"=4,"5NBB"=4,"5NEB"=5,"5NEE"=5,"5NET"=4,
  "5NNB"=4,"5NNE"=4,"5NNN"=4,"5NNT"=4,"5NTB"=4,"5NTT"=4,"5TBB"=4,"5TTB"=4,
  "5TTT"=4)
got <- sapply(names(cases), function(p) run_path(p, desA)$table$next_dose[1])
mism <- names(cases)[got != cases]
cat(sprintf("%d of %d cases agree with the app;", sum(got == cases),
            length(cases)), "mismatches:", if (length(mism)) mism else "none", "\n")

cat("\n== hand-made decision situations (tie = random irrelevant here) ==\n")
desR <- boin12_design()
sit <- list(
  "exploration rule: dose 2 reaches n=9 with p_hat<lambda_d, dose 3 untried -> 3 (RDS alone would stay at 2)" =
    "1NNN 2EEN 2EEN 2TBE",
  "lambda_e<p_hat<lambda_d with n>=N*=6: only {d-1,d} allowed -> 1 (untried dose 3 not a candidate)" =
    "1NNN 2EEN 2TTN",
  "same zone (p_hat=1/3) but n<N*: {d-1,d,d+1} -> untried dose 3 (RDS 0.295) wins" =
    "1NNN 2TNN",
  "d=1 3/3 tox: dose 1 (and all above) eliminated, trial stops" = "1TTT",
  "futility: dose 1 n=9 yE=0 eliminated, p_hat=2/9<=lambda_e -> dose 2" =
    "1TTN 1NNN 1NNN",
  "futility + no other candidate: dose 1 n=9 yT=3 yE=0 -> chosen dose eliminated -> stop" =
    "1TTN 1TNN 1NNN",
  "p_hat>=lambda_d: de-escalate to highest non-eliminated lower dose" =
    "1ENN 2ENN 3TTN")
for (nm in names(sit)) {
  cat("\n--", nm, "--\n")
  print(run_path(sit[[nm]], desR)$table, row.names = FALSE)
}
