x <- log((1:6)/3); ma <- qlogis(0.3); sa <- 2; mb <- 0; sb <- 1
n <- c(3,3,6,0,0,0); y <- c(0,0,1,0,0,0)
post <- function(a, b) {
  ll <- dnorm(a, ma, sa, log=TRUE) + dnorm(b, mb, sb, log=TRUE)
  for (d in 1:6) if (n[d] > 0) { eta <- a + exp(b)*x[d]; ll <- ll + y[d]*plogis(eta, log.p=TRUE) + (n[d]-y[d])*plogis(-eta, log.p=TRUE) }
  exp(ll + 5)
}
A0 <- ma - 12*sa; A1 <- ma + 12*sa
inner <- function(b, lo) sapply(b, function(bb) { l <- max(lo(bb), A0); if (l >= A1) 0 else
  integrate(function(a) post(a, bb), l, A1, rel.tol=1e-12, subdivisions=2000)$value })
Z <- integrate(function(b) inner(b, function(bb) -Inf), -12, 12, rel.tol=1e-11, subdivisions=2000)$value
for (d in 1:6) {
  above <- function(cc) integrate(function(b) inner(b, function(bb) qlogis(cc) - exp(bb)*x[d]), -12, 12, rel.tol=1e-11, subdivisions=2000)$value / Z
  a16 <- above(0.16); a33 <- above(0.33)
  cat(sprintf("%d %.10f %.10f %.10f\n", d, 1-a16, a16-a33, a33))
}
