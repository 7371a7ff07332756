// Minifies wasm-bindgen's browser glue (scripts/build.sh): every page downloads it, so
// it ships minified; exported class names stay (console.log shows `Omise {…}`), other
// names may be mangled. GLUE_IN and GLUE_OUT name the files.
const keepNames = { function: false, class: true };
export default {
  input: process.env.GLUE_IN,
  output: {
    file: process.env.GLUE_OUT,
    format: 'esm',
    minify: { compress: { keepNames }, mangle: { keepNames } },
  },
};
