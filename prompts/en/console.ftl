# The console platform: a chat in the terminal.

console-banner = Sentinel is running (database: { $store }).
    You are "{ $who }", in a private chat with the bot. Switch person and group: /as Zhang@Workshop; back to private: /as Zhang; leave: /quit
    Send a photo: /photo [path] [caption] (without a path the console makes one); a file: /file path [caption] (quote a path with spaces). Photos and files the bot sends are saved in the outbox folder.
    Share a place: /location latitude,longitude [name]; send a voice note, video or sticker the bot cannot read: /voice, /video, /sticker.
    Send /help for the commands.
console-admin-code = There is no admin yet. One-time code: { $code } — send /claim { $code } in a private chat to become admin.
console-as-usage = Usage: /as name@group (speak in a group) or /as name (private chat)
console-error = This line failed ({ $kind }); the console keeps running.
console-as-group = You are now "{ $who }" in the group "{ $chat }".
console-as-private = You are now "{ $who }" in a private chat with the bot.
console-file-usage = Usage: /file path [caption], e.g. /file ./report.xlsx November report
console-no-file = Cannot read the file "{ $path }": check that the path is right and the file readable.
console-location-usage = Usage: /location latitude,longitude [name], e.g. /location 31.2304,121.4737 Chengguan Chemical east gate
