// Draws each <canvas data-chart> from the table named by its data-table attribute, so the
// chart and the table always show the same numbers. Chart.js is served from node_modules
// (no CDN); nothing here writes a style attribute or an inline script, so the strict CSP
// holds. A withheld cell (empty data-value) is a gap in the chart, not a zero.
(function () {
  "use strict";

  // Colour-blind-safe palette (Okabe–Ito), dark enough on white for lines and bars.
  var PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

  function locale() {
    var lang = document.documentElement.lang || "id";
    return lang.indexOf("en") === 0 ? "en-GB" : "id-ID";
  }

  function readTable(table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var series = [];
    heads.forEach(function (th, index) {
      var kind = th.getAttribute("data-kind");
      if (index > 0 && th.getAttribute("data-plot") === "1" && (kind === "count" || kind === "days")) {
        series.push({ index: index, label: th.textContent.trim() });
      }
    });
    var labels = [];
    var values = series.map(function () { return []; });
    table.querySelectorAll("tbody tr:not(.total)").forEach(function (tr) {
      var cells = tr.children;
      labels.push(cells[0].textContent.trim());
      series.forEach(function (s, i) {
        var raw = cells[s.index].getAttribute("data-value");
        values[i].push(raw === "" || raw === null ? null : Number(raw));
      });
    });
    return { labels: labels, series: series, values: values };
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute("data-table"));
    if (!table || typeof window.Chart === "undefined") {
      return;
    }
    var kind = canvas.getAttribute("data-chart");
    var data = readTable(table);
    var format = new Intl.NumberFormat(locale());
    var horizontal = kind === "hbar" || kind === "stacked";
    var stacked = kind === "stacked";
    var datasets = data.series.map(function (s, i) {
      var colour = PALETTE[i % PALETTE.length];
      return {
        label: s.label,
        data: data.values[i],
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: kind === "line" ? 2 : 0,
        spanGaps: false,
      };
    });
    var valueAxis = {
      beginAtZero: true,
      stacked: stacked,
      ticks: { precision: 0, callback: function (v) { return format.format(v); } },
    };
    var categoryAxis = { stacked: stacked, ticks: { autoSkip: true } };
    // Charts are decoration beside their tables: no animation, no focus traps.
    new window.Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: locale(),
        indexAxis: horizontal ? "y" : "x",
        plugins: {
          legend: { display: datasets.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (context) {
                var value = context.raw === null ? "•" : format.format(context.raw);
                return context.dataset.label + ": " + value;
              },
            },
          },
        },
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      },
    });
    canvas.setAttribute("data-drawn", "1");
  }

  function start() {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
