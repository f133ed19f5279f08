export default defineBackground(() => {
  // wired by lib/ handlers
});
