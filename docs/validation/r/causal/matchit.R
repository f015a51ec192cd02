# causal.matching against MatchIt 4.7.1 (issue 15, item 3) on veteran and on MatchIt's lalonde.
# R 4.2.2; MatchIt 4.7.1 with backports, chk, rlang, Rcpp, RcppProgress, cli, glue, lifecycle installed from
# github:cran/<package> into /work/rlib-causal. Writes lalonde as a CSV (race as the dummies black and hispan)
# to the causal tests' resources. Run (from this folder): R_LIBS=/work/rlib-causal Rscript matchit.R > matchit.out
suppressMessages(library(MatchIt))
cat("R ", R.version$major, ".", R.version$minor, "; MatchIt ", as.character(packageVersion("MatchIt")), "\n", sep = "")
f15 <- function(x) sprintf("%.15g", x)
pairs <- function(m) {
  mm <- m$match.matrix
  rows <- which(rowSums(!is.na(mm)) > 0)
  paste(sapply(rows, function(r) paste0(rownames(mm)[r], ":", paste(mm[r, !is.na(mm[r, ])], collapse = ","))),
        collapse = " ")
}
att <- function(m, y) {
  w <- m$weights; a <- m$treat
  c(sum(w * a * y) / sum(w * a) - sum(w * (1 - a) * y) / sum(w * (1 - a)))
}
report <- function(label, m, y) {
  cat("\n== ", label, "\n", sep = "")
  cat("call: ", deparse(m$call, width.cutoff = 500), "\n", sep = "")
  cat("matched treated, controls: ", sum(m$weights > 0 & m$treat == 1), " ", sum(m$weights > 0 & m$treat == 0), "\n",
      sep = "")
  cat("ATT (weighted mean difference): ", f15(att(m, y)), "\n", sep = "")
  cat("pairs: ", pairs(m), "\n", sep = "")
}
# --- lalonde --------------------------------------------------------------------------------------------------
data("lalonde", package = "MatchIt")
l <- lalonde
l$black <- as.integer(l$race == "black"); l$hispan <- as.integer(l$race == "hispan")
rownames(l) <- NULL
write.csv(l[, c("treat", "age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75", "re78")],
          "../../../../tests/io.daybreak.methods.causal.tests/resources/lalonde.csv", row.names = FALSE)
fl <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75
cat("lalonde: n ", nrow(l), ", treated ", sum(l$treat), "\n", sep = "")
report("lalonde 1:1", matchit(fl, data = l, method = "nearest", distance = "glm"), l$re78)
report("lalonde 1:1 caliper 0.2", matchit(fl, data = l, method = "nearest", distance = "glm", caliper = 0.2), l$re78)
report("lalonde 1:2 replace", matchit(fl, data = l, method = "nearest", distance = "glm", ratio = 2, replace = TRUE),
       l$re78)
report("lalonde 1:2 no replace", matchit(fl, data = l, method = "nearest", distance = "glm", ratio = 2), l$re78)
# the same model with race as a factor gives the same scores:
m0 <- matchit(treat ~ age + educ + race + married + nodegree + re74 + re75, data = lalonde, method = "nearest")
cat("\nrace as factor: max |score difference| ", f15(max(abs(m0$distance - matchit(fl, data = l)$distance))),
    ", ATT ", f15(att(m0, lalonde$re78)), "\n", sep = "")
# --- veteran --------------------------------------------------------------------------------------------------
d <- read.csv("../../../../../shared/data/survival_veteran.csv")
d$A <- as.integer(d$trt == 2); d$prior10 <- as.integer(d$prior == 10)
d$Y <- as.integer(d$time <= 100 & d$status == 1)
fv <- A ~ age + karno + diagtime + prior10
report("veteran 1:1", matchit(fv, data = d, method = "nearest", distance = "glm"), d$Y)
report("veteran 1:1 caliper 0.2", matchit(fv, data = d, method = "nearest", distance = "glm", caliper = 0.2), d$Y)
report("veteran 1:2 replace", matchit(fv, data = d, method = "nearest", distance = "glm", ratio = 2, replace = TRUE),
       d$Y)
