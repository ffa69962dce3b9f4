# scripts/plot-cell.gp: histogram and empirical CDF of one (stub, op) cell.
#
#   gnuplot -c plot-cell.gp OUTPREFIX DATA TITLE XLABEL BINW XLO XHI MEDIAN NOTE
#
# DATA (`hvcbench plot-data`'s cell-NAME.dat) holds two blocks: index 0
# "bin-centre count", index 1 "value cumulative-fraction" framed by XLO and
# XHI. NOTE ("k of n samples outside a..b not shown") may be "" and goes
# into the x label. The key sits outside the plot area: nothing drawn is
# ever under it. Writes OUTPREFIX.png and OUTPREFIX.svg.

reset    # settings of a cell drawn before in the same gnuplot
out = ARG1; data = ARG2; binw = real(ARG5); med = real(ARG8)

set title ARG3
set xlabel ARG4.(ARG9 ne "" ? "   [".ARG9."]" : "")
set ylabel "count"
set y2label "cumulative fraction (CDF)"
set xrange [real(ARG6) : real(ARG7)]
set yrange [0 : *]
set y2range [0 : 1.05]
set ytics nomirror
set y2tics 0, 0.25, 1
if (real(ARG7) - real(ARG6) <= 24) { set xtics 1 }   # integer samples: no 0.5 tics
set mxtics default
set grid ytics
set format x "%.12g"; set format y "%.12g"    # never exponent notation
set key outside bottom center horizontal
set offsets 0, 0, graph 0.05, 0
set boxwidth binw * 0.9 absolute
set style fill solid 0.6 border lc rgb "#0072B2"
set arrow 1 from med, graph 0 to med, graph 1 nohead dt 2 lw 1.5 lc rgb "#404040" front

cell = 'plot data index 0 using 1:2 with boxes lc rgb "#0072B2" title (binw > 1 ? sprintf("count (bins of %g)", binw) : "count"), \
	data index 1 using 1:2 axes x1y2 with steps lw 2 lc rgb "#D55E00" title "CDF", \
	NaN with lines dt 2 lw 1.5 lc rgb "#404040" title "median"'

if (strstrt(GPVAL_TERMINALS, "pngcairo")) {
	set terminal pngcairo size 900,540 font "DejaVu Sans,11" noenhanced
} else {
	set terminal png size 900,540 noenhanced
}
set output out.".png"
@cell

set terminal svg size 900,540 font "DejaVu Sans,11" noenhanced background "white"
set output out.".svg"
@cell
set output
