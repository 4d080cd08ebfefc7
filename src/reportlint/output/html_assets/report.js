// reportlint HTML report: sort the overview table by a column, inside each agency's group.
// Static code shipped with reportlint; it reads only data-v attributes the formatter wrote.
"use strict";
(function () {
  var table = document.querySelector("table.overview");
  if (table) {
    var heads = table.querySelectorAll("thead th");
    table.querySelectorAll("thead button").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.parentElement;
        var column = Number(button.dataset.column);
        var numeric = button.dataset.type === "num";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        table.querySelectorAll("tbody").forEach(function (group) {
          var rows = Array.prototype.slice.call(group.querySelectorAll("tr.row"));
          rows.sort(function (a, b) {
            var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
            if (x === y) { return 0; }
            if (x === "") { return 1; }
            if (y === "") { return -1; }
            var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh");
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { group.appendChild(row); });
        });
      });
    });
  }
  document.documentElement.setAttribute("data-script", "ran");
})();
