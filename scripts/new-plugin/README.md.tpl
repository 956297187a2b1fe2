# __ID__

Short notes the shop keeps: a view to write them and read them back, newest first. Written by
`npm run new-plugin`; change it into your plugin, keeping its shape.

## Layout

| file | what |
| --- | --- |
| `plugin.yaml` | manifest: permissions, which built-in roles get them (`roles`), settings schema, the view |
| `migrations/001-notes.sql` | the table `__TABLE___notes` |
| `schemas/settings.schema.json` | settings, with the shop's defaults |
| `server/index.ts` | `activate`: builds the store and adds the routes |
| `server/note-store.ts` | `noteStore(tx)`: the plugin's data access as named methods over its table, bound to the caller's transaction (`NoteReader` over a plain read) |
| `server/note-routes.ts` | the routes, with request and response schemas |
| `server/note-text.ts` | the text rule, and its typed error in zh-CN and en (`i18n/`) |
| `ui/` | the Lit view `<__TAG__>` |
| `test/` | a unit test, and API tests through the plugin test kit |

## Routes

| method | path | permission | what |
| --- | --- | --- | --- |
| GET | `/api/__ID__/notes` | `__ID__.notes.read` | notes, newest first (`page`, `pageSize`) |
| POST | `/api/__ID__/notes` | `__ID__.notes.write` | write a note: `{ "text": "…" }` → 201 with the note |

## Built-in roles

What each built-in role gets from this plugin by default (`roles` in `plugin.yaml`); the owner can
change any role under 账号与角色.

| role | permissions |
| --- | --- |
| 客服 customer-service | `__ID__.notes.read`, `__ID__.notes.write` |
| 仓管 warehouse | `__ID__.notes.read` |

## Settings

| key | default | what |
| --- | --- | --- |
| `maxLength` | 200 | the longest note, in characters |

## Tests

From the workbench's folder:

```sh
npm run test-plugin -- __FOLDER__
```

Type-check with `npx tsc -p __FOLDER__` from the workbench's folder.
