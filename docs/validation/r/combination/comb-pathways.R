# Dose-transition pathways of the first 2 cohorts of BOIN::next.comb on a 3 x 5 grid (target 0.3, cohorts of 3,
# start (1, 1)), for CombinationPathwaysTest. Run: Rscript comb-pathways.R > comb-pathways.txt
# Each line: cohort | history (A<j>B<k> y/3, ...) | current A,B | DLTs | next A,B over 50 seeds (sorted, unique;
# NA,NA: stop)
.libPaths("/work/Rlib")
suppressMessages(library(BOIN))
cat("# R ", R.version$major, ".", R.version$minor, ", BOIN ", as.character(packageVersion("BOIN")),
    "; next.comb(target = 0.3, npts, ntox, dose.curr) with set.seed(s), s = 1..50\n", sep = "")
J <- 3; K <- 5
step <- function(n, y, cur, cohort, history) {
  for (dlt in 0:3) {
    n1 <- n; y1 <- y
    n1[cur[1], cur[2]] <- n1[cur[1], cur[2]] + 3; y1[cur[1], cur[2]] <- y1[cur[1], cur[2]] + dlt
    outs <- unique(sapply(1:50, function(s) {
      set.seed(s)
      invisible(capture.output(r <- next.comb(0.3, n1, y1, cur)))
      paste(r$next_dc, collapse = ",")
    }))
    outs <- sort(outs)
    cat(cohort, "|", history, "|", paste(cur, collapse = ","), "|", dlt, "|", paste(outs, collapse = ";"), "\n")
    here <- paste0(if (history == "") "" else paste0(history, ", "), "A", cur[1], "B", cur[2], " ", dlt, "/3")
    if (cohort < 2) for (o in outs) if (o != "NA,NA") step(n1, y1, as.integer(strsplit(o, ",")[[1]]), cohort + 1, here)
  }
}
step(matrix(0, J, K), matrix(0, J, K), c(1, 1), 1, "")
