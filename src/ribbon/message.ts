/** The dialog a function command opens to show a failure: the message comes in the query string. */
const text = new URLSearchParams(location.search).get('m') ?? '';
const p = document.createElement('p');
p.textContent = text;
p.style.cssText = 'font-family: "Microsoft YaHei", "Segoe UI", sans-serif; font-size: 14px; line-height: 1.6; padding: 12px; margin: 0; color: #a4262c';
document.body.append(p);
