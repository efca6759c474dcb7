// Draw every Vega-Lite chart of the page: <div data-chart="ID"> with its specification in the JSON script #ID.
// ast: true makes Vega interpret expressions instead of compiling them with Function (strict CSP, no eval);
// defaultStyle: false and the tooltip's disableDefaultStyle keep vega-embed and vega-tooltip from adding <style>
// elements (no inline styles either).
const VI_NUMBER = { decimal: ",", thousands: ".", grouping: [3], currency: ["", " đ"] };

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-chart]").forEach((element) => {
    const spec = JSON.parse(document.getElementById(element.dataset.chart).textContent);
    vegaEmbed(element, spec, {
      actions: false,
      ast: true,
      defaultStyle: false,
      renderer: "svg",
      formatLocale: VI_NUMBER,
      tooltip: { disableDefaultStyle: true }, // its CSS is in app.css, not an injected <style>
    }).catch((error) => console.error(error));
  });
});
