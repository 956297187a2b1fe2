# __ID__: short notes the shop keeps. Written by `npm run new-plugin`; make it yours.
id: __ID__
version: 0.1.0
engine: __ENGINE__
name: { zh-CN: __ID__ 备忘, en: __ID__ notes }
description: { zh-CN: 店里的备忘记录, en: Notes the shop keeps }
permissions:
  - { id: __ID__.notes.read, name: { zh-CN: 查看备忘, en: View notes } }
  - { id: __ID__.notes.write, name: { zh-CN: 记备忘, en: Write notes } }
# Which of these permissions each built-in role gets by default (operations, customer-service,
# warehouse, purchasing, finance; the owner holds all). The owner can still change the roles.
roles:
  customer-service: [__ID__.notes.read, __ID__.notes.write]
  warehouse: [__ID__.notes.read]
settings: schemas/settings.schema.json
contributes:
  views:
    - { id: notes, title: { zh-CN: 备忘, en: Notes }, icon: note, element: __TAG__, permission: __ID__.notes.read }
