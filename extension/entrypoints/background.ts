export default defineBackground(() => {})
