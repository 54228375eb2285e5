<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccountController</name>
    <message>
        <source>zvdesk — %1</source>
        <translation>zvdesk — %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>C&amp;uenta</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Añadir cuenta…</translation>
    </message>
    <message>
        <source>S&amp;witch account</source>
        <translation>Ca&amp;mbiar de cuenta</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>Cambiar de cuenta</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>Cerrar s&amp;esión…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>Zoho no longer accepts this account&apos;s sign-in. Sign in again: your outbox, drafts and messages are kept.</source>
        <translation>Zoho ya no acepta el inicio de sesión de esta cuenta. Inicie sesión de nuevo: se conservan su bandeja de salida, sus borradores y sus mensajes.</translation>
    </message>
    <message>
        <source>Signed out here, but Zoho could not be told. Remove zvdesk under Connected Apps in your Zoho account to revoke it there.</source>
        <translation>Se cerró la sesión aquí, pero no se pudo avisar a Zoho. Quite zvdesk en Aplicaciones conectadas (Connected Apps) de su cuenta de Zoho para revocarla allí.</translation>
    </message>
</context>
<context>
    <name>AnnounceDialog</name>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 is larger than 20 MB.</source>
        <translation>%1 ocupa más de 20 MB.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>No se puede leer %1.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: save it as CSV UTF-8 and choose it again.</source>
        <translation>%1 no es texto UTF-8: guárdelo como CSV UTF-8 y vuelva a elegirlo.</translation>
    </message>
    <message>
        <source>%1 has no recipients: a header row, then one customer a line.</source>
        <translation>%1 no tiene destinatarios: una fila de encabezado y luego un cliente por línea.</translation>
    </message>
    <message>
        <source>Choose a time at least five minutes from now to send later.</source>
        <translation>Elija una hora al menos cinco minutos posterior a ahora para enviar más tarde.</translation>
    </message>
    <message>
        <source>No recipient is left to send to.</source>
        <translation>No queda ningún destinatario al que enviar.</translation>
    </message>
    <message>
        <source>This announcement is no longer in the outbox.</source>
        <translation>Este aviso ya no está en la bandeja de salida.</translation>
    </message>
    <message>
        <source>Choose the recipients and write the message.</source>
        <translation>Elija los destinatarios y escriba el mensaje.</translation>
    </message>
    <message>
        <source>Write the message.</source>
        <translation>Escriba el mensaje.</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Informe guardado en %1.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Aviso masivo</translation>
    </message>
    <message>
        <source>Write the announcement</source>
        <translation>Escribir el aviso</translation>
    </message>
    <message>
        <source>From a C&amp;SV file</source>
        <translation>De un archivo C&amp;SV</translation>
    </message>
    <message>
        <source>From the c&amp;hat list</source>
        <translation>De la lista de c&amp;hats</translation>
    </message>
    <message>
        <source>&amp;Pasted numbers</source>
        <translation>Números &amp;pegados</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>Elegir un &amp;archivo…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Elegir un archivo CSV</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>A header row, then one customer a line; the number column is called number, phone, mobile or to.</source>
        <translation>Una fila de encabezado y luego un cliente por línea; la columna del número se llama number, phone, mobile o to.</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Primeras filas del archivo</translation>
    </message>
    <message>
        <source>Customers from the chat list</source>
        <translation>Clientes de la lista de chats</translation>
    </message>
    <message>
        <source>Pasted numbers</source>
        <translation>Números pegados</translation>
    </message>
    <message>
        <source>One number a line, e.g. +1 415 555 0100</source>
        <translation>Un número por línea, p. ej. +1 415 555 0100</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <source>Insert a merge field</source>
        <translation>Insertar un campo combinado</translation>
    </message>
    <message>
        <source>Each customer&apos;s own value goes where the field is</source>
        <translation>El valor de cada cliente va donde está el campo</translation>
    </message>
    <message>
        <source>e.g. Hi {name}, our service is down until 3 pm. Sorry for the trouble.</source>
        <translation>p. ej. Hola {name}, nuestro servicio no funciona hasta las 15:00. Disculpe las molestias.</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Enviar desde</translation>
    </message>
    <message>
        <source>The account&apos;s default number</source>
        <translation>El número predeterminado de la cuenta</translation>
    </message>
    <message>
        <source> a minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <source>Pace, messages a minute</source>
        <translation>Ritmo, mensajes por minuto</translation>
    </message>
    <message>
        <source>Outside the customer&apos;s send window</source>
        <translation>Fuera del horario de envío del cliente</translation>
    </message>
    <message>
        <source>Wait for the customer&apos;s morning</source>
        <translation>Esperar a la mañana del cliente</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Omitirlos</translation>
    </message>
    <message>
        <source>Send &amp;later:</source>
        <translation>Enviar &amp;más tarde:</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Enviar más tarde</translation>
    </message>
    <message>
        <source>Send at, your local time</source>
        <translation>Enviar a las, su hora local</translation>
    </message>
    <message>
        <source>Send &amp;from:</source>
        <translation>Enviar &amp;desde:</translation>
    </message>
    <message>
        <source>P&amp;ace:</source>
        <translation>R&amp;itmo:</translation>
    </message>
    <message>
        <source>Outside their &amp;window:</source>
        <translation>Fuera de su &amp;horario:</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Lo que se enviará</translation>
    </message>
    <message>
        <source>Skipped recipients</source>
        <translation>Destinatarios omitidos</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the announcement</source>
        <translation>Enviar el aviso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Last announcement…</source>
        <translation>Ú&amp;ltimo aviso…</translation>
    </message>
    <message>
        <source>Show the last announcement and its report</source>
        <translation>Mostrar el último aviso y su informe</translation>
    </message>
    <message>
        <source>Before sending</source>
        <translation>Antes de enviar</translation>
    </message>
    <message>
        <source>Insert a field…</source>
        <translation>Insertar un campo…</translation>
    </message>
    <message>
        <source>%1: one customer</source>
        <translation>%1: un cliente</translation>
    </message>
    <message>
        <source>%1: %2 customers</source>
        <translation>%1: %2 clientes</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>Por responder</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Pospuestas</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resueltas</translation>
    </message>
    <message>
        <source>Reading the chat list…</source>
        <translation>Leyendo la lista de chats…</translation>
    </message>
    <message>
        <source>Customers matching the chat list&apos;s search “%1”: %2.</source>
        <translation>Clientes que coinciden con la búsqueda “%1” de la lista de chats: %2.</translation>
    </message>
    <message>
        <source>Customers in the chat list&apos;s “%1” filter: %2.</source>
        <translation>Clientes del filtro “%1” de la lista de chats: %2.</translation>
    </message>
    <message>
        <source>Customers of the whole chat list: %2.</source>
        <translation>Clientes de toda la lista de chats: %2.</translation>
    </message>
    <message>
        <source>Recipients: %1. SMS segments: %2.</source>
        <translation>Destinatarios: %1. Segmentos SMS: %2.</translation>
    </message>
    <message>
        <source>Outside their send window (%1) then, so moved to their morning: %2.</source>
        <translation>Fuera de su horario de envío (%1) a esa hora, pasan a su mañana: %2.</translation>
    </message>
    <message>
        <source>Outside their send window (%1) now, so waiting for their morning: %2.</source>
        <translation>Fuera de su horario de envío (%1) ahora, esperan a su mañana: %2.</translation>
    </message>
    <message>
        <source>The first message: “%1”</source>
        <translation>El primer mensaje: “%1”</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>número no válido</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicado</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>dado de baja</translation>
    </message>
    <message>
        <source>quiet hours</source>
        <translation>horas de silencio</translation>
    </message>
    <message>
        <source>missing field</source>
        <translation>falta un campo</translation>
    </message>
    <message>
        <source>Skipped: %1 (%2).</source>
        <translation>Omitidos: %1 (%2).</translation>
    </message>
    <message>
        <source>The pace is lowered to %1 a minute: polling shares the account&apos;s request budget.</source>
        <translation>El ritmo baja a %1 por minuto: la sincronización comparte el límite de solicitudes de la cuenta.</translation>
    </message>
    <message>
        <source>“%1” is added at the end.</source>
        <translation>Se añade “%1” al final.</translation>
    </message>
    <message>
        <source>Send to 1 customer</source>
        <translation>Enviar a 1 cliente</translation>
    </message>
    <message>
        <source>Send to %1 customers</source>
        <translation>Enviar a %1 clientes</translation>
    </message>
    <message>
        <source>about %1 h</source>
        <translation>unas %1 h</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>unos %1 min</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>menos de un minuto</translation>
    </message>
    <message>
        <source>Takes %1 at %2 a minute.</source>
        <translation>Tarda %1 a %2 por minuto.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Queueing the announcement…</source>
        <translation>Poniendo el aviso en cola…</translation>
    </message>
    <message>
        <source>Announcement progress</source>
        <translation>Progreso del aviso</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sent, delivered, failed, skipped</source>
        <translation>Enviados, entregados, fallidos, omitidos</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;Cancel the announcement</source>
        <translation>&amp;Cancelar el aviso</translation>
    </message>
    <message>
        <source>Save the &amp;report…</source>
        <translation>Guardar el &amp;informe…</translation>
    </message>
    <message>
        <source>&amp;New announcement</source>
        <translation>&amp;Nuevo aviso</translation>
    </message>
    <message>
        <source>Announcement: “%1”</source>
        <translation>Aviso: “%1”</translation>
    </message>
    <message>
        <source>Cancelled: %1 not sent.</source>
        <translation>Cancelado: %1 sin enviar.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Terminado.</translation>
    </message>
    <message>
        <source>Paused: %1 waiting.</source>
        <translation>En pausa: %1 en espera.</translation>
    </message>
    <message>
        <source>Scheduling with Zoho at %1 a minute: %2 to go.</source>
        <translation>Programando en Zoho a %1 por minuto: faltan %2.</translation>
    </message>
    <message>
        <source>Sending at %1 a minute: %2 to go.</source>
        <translation>Enviando a %1 por minuto: faltan %2.</translation>
    </message>
    <message>
        <source>Customers outside their send window (%1) wait for their morning.</source>
        <translation>Los clientes fuera de su horario de envío (%1) esperan a su mañana.</translation>
    </message>
    <message>
        <source>Customers outside their send window (%1) are skipped.</source>
        <translation>Los clientes fuera de su horario de envío (%1) se omiten.</translation>
    </message>
    <message>
        <source>Sent %1 · delivered %2 · failed %3 · skipped %4</source>
        <translation>Enviados %1 · entregados %2 · fallidos %3 · omitidos %4</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Profile %1 is open in another zvdesk, so it stays there: one zvdesk at a time sends from a profile&apos;s outbox.</source>
        <translation>El perfil %1 está abierto en otro zvdesk, así que sigue allí: solo un zvdesk a la vez envía desde la bandeja de salida de un perfil.</translation>
    </message>
    <message>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message>
        <source>zvdesk could not start: %1</source>
        <translation>zvdesk no pudo iniciarse: %1</translation>
    </message>
    <message>
        <source>This profile is already open in another zvdesk (%1). One zvdesk at a time sends from a profile&apos;s outbox: use that one, or close it and try again.</source>
        <translation>Este perfil ya está abierto en otro zvdesk (%1). Solo un zvdesk a la vez envía desde la bandeja de salida de un perfil: use ese o ciérrelo e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Attachment</source>
        <translation>Archivo adjunto</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Tipo de archivo</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Quitar el archivo adjunto</translation>
    </message>
    <message>
        <source>Removes the file from the message</source>
        <translation>Quita el archivo del mensaje</translation>
    </message>
    <message>
        <source>{name}, {size}</source>
        <translation>{name}, {size}</translation>
    </message>
    <message>
        <source>Removes {name} from the message</source>
        <translation>Quita {name} del mensaje</translation>
    </message>
</context>
<context>
    <name>BrowserPage</name>
    <message>
        <source>Sign in with the browser</source>
        <translation>Iniciar sesión con el navegador</translation>
    </message>
    <message>
        <source>Your browser opens Zoho&apos;s sign-in page. Approve access there; when the page says you are signed in, return to zvdesk.</source>
        <translation>Su navegador abre la página de inicio de sesión de Zoho. Autorice allí el acceso; cuando la página indique que ha iniciado sesión, vuelva a zvdesk.</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>Iniciar sesión con el na&amp;vegador</translation>
    </message>
    <message>
        <source>Waiting for you to approve in the browser… If it did not open, copy the link into a browser on this computer.</source>
        <translation>Esperando a que autorice el acceso en el navegador… Si no se abrió, copie el enlace en un navegador de este equipo.</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>Enlace de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>Copiar &amp;enlace</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation>Copiar el enlace de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Open again</source>
        <translation>&amp;Abrir de nuevo</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Abrir de nuevo la página de inicio de sesión</translation>
    </message>
</context>
<context>
    <name>CannedDefaults</name>
    <message>
        <source>Hi {name}, this is {agent}. How can I help you today?</source>
        <translation>Hola, {name}, le saluda {agent}. ¿En qué puedo ayudarle hoy?</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Saludo</translation>
    </message>
    <message>
        <source>Thanks for your patience, {name}. I am looking into this now and will get back to you shortly.</source>
        <translation>Gracias por su paciencia, {name}. Estoy revisando su caso y le responderé en breve.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Espere, por favor</translation>
    </message>
    <message>
        <source>Would it help if we called you? We can reach you on {number}.</source>
        <translation>¿Le ayudaría que le llamáramos? Podemos llamarle al {number}.</translation>
    </message>
    <message>
        <source>Offer a call</source>
        <translation>Ofrecer una llamada</translation>
    </message>
    <message>
        <source>Thank you, {name}! Is there anything else I can help with?</source>
        <translation>¡Gracias, {name}! ¿Hay algo más en lo que pueda ayudarle?</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>Agradecimiento</translation>
    </message>
    <message>
        <source>Glad I could help. Have a great day!</source>
        <translation>Me alegra haberle ayudado. ¡Que tenga un excelente día!</translation>
    </message>
    <message>
        <source>Goodbye</source>
        <translation>Despedida</translation>
    </message>
</context>
<context>
    <name>CannedDialog</name>
    <message>
        <source>Canned responses</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <source>Select a response to edit it</source>
        <translation>Seleccione una respuesta para editarla</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>Filter canned responses</source>
        <translation>Filtrar respuestas predefinidas</translation>
    </message>
    <message>
        <source>Shows responses matching the text typed</source>
        <translation>Muestra las respuestas que coinciden con el texto escrito</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>The word typed after a slash in the composer, e.g. hi for /hi</source>
        <translation>La palabra que se escribe tras una barra en el editor, p. ej. hola para /hola</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>A short description (optional)</source>
        <translation>Una descripción breve (opcional)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>The message; placeholders such as {name} and {agent} are filled in when inserted</source>
        <translation>El mensaje; los marcadores como {name} y {agent} se rellenan al insertarlo</translation>
    </message>
    <message>
        <source>Placeholders: %1. Write {{ and }} for braces.</source>
        <translation>Marcadores: %1. Escriba {{ y }} para las llaves.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The outcome of the last action</source>
        <translation>El resultado de la última acción</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nueva</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Start a new canned response</source>
        <translation>Crear una nueva respuesta predefinida</translation>
    </message>
    <message>
        <source>Save the response being edited</source>
        <translation>Guardar la respuesta que se está editando</translation>
    </message>
    <message>
        <source>Delete the selected response</source>
        <translation>Eliminar la respuesta seleccionada</translation>
    </message>
    <message>
        <source>Add responses from a JSON file</source>
        <translation>Añadir respuestas desde un archivo JSON</translation>
    </message>
    <message>
        <source>Save all responses to a JSON file</source>
        <translation>Guardar todas las respuestas en un archivo JSON</translation>
    </message>
    <message>
        <source>S&amp;hortcut:</source>
        <translation>Ata&amp;jo:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Text&amp;o:</translation>
    </message>
    <message>
        <source>Saved /%1. These placeholders have no value and must be typed over before sending: %2</source>
        <translation>Se guardó /%1. Estos marcadores no tienen valor y deben sustituirse antes de enviar: %2</translation>
    </message>
    <message>
        <source>Saved /%1.</source>
        <translation>Se guardó /%1.</translation>
    </message>
    <message>
        <source>Deleted /%1.</source>
        <translation>Se eliminó /%1.</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>No se importó nada. %1</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 replaced, %3 skipped.</source>
        <translation>Importación: %1 añadidas, %2 reemplazadas, %3 omitidas.</translation>
    </message>
    <message>
        <source>Unknown placeholders in: %1</source>
        <translation>Marcadores desconocidos en: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Error al exportar: %1</translation>
    </message>
    <message>
        <source>Exported %1 responses.</source>
        <translation>Se exportaron %1 respuestas.</translation>
    </message>
    <message>
        <source>Import canned responses</source>
        <translation>Importar respuestas predefinidas</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Export canned responses</source>
        <translation>Exportar respuestas predefinidas</translation>
    </message>
    <message>
        <source>Replace canned response?</source>
        <translation>¿Reemplazar la respuesta predefinida?</translation>
    </message>
    <message>
        <source>/%1 already exists. Replace it with the new text?</source>
        <translation>/%1 ya existe. ¿Desea reemplazarla por el texto nuevo?</translation>
    </message>
    <message>
        <source>Delete canned response?</source>
        <translation>¿Eliminar la respuesta predefinida?</translation>
    </message>
    <message>
        <source>Delete /%1?</source>
        <translation>¿Eliminar /%1?</translation>
    </message>
</context>
<context>
    <name>CannedPopup</name>
    <message>
        <source>Canned responses</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <source>Press Enter to insert the selected response</source>
        <translation>Pulse Intro para insertar la respuesta seleccionada</translation>
    </message>
    <message>
        <source>Filter canned responses</source>
        <translation>Filtrar respuestas predefinidas</translation>
    </message>
    <message>
        <source>Type a shortcut; Up and Down choose, Enter inserts, Escape closes</source>
        <translation>Escriba un atajo; Arriba y Abajo eligen, Intro inserta, Esc cierra</translation>
    </message>
    <message>
        <source>No canned response matches.</source>
        <translation>Ninguna respuesta predefinida coincide.</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>Shown when no canned response matches</source>
        <translation>Se muestra cuando ninguna respuesta predefinida coincide</translation>
    </message>
    <message>
        <source>Choose a canned response to insert</source>
        <translation>Elija una respuesta predefinida para insertarla</translation>
    </message>
</context>
<context>
    <name>ChatListController</name>
    <message>
        <source>Searching the server…</source>
        <translation>Buscando en el servidor…</translation>
    </message>
    <message>
        <source>The server search failed: %1</source>
        <translation>La búsqueda en el servidor falló: %1</translation>
    </message>
    <message>
        <source>No conversation matches.</source>
        <translation>Ninguna conversación coincide.</translation>
    </message>
</context>
<context>
    <name>ChatListDelegate</name>
    <message>
        <source>Snoozed</source>
        <translation>Pospuesta</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>De baja</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <source>pinned</source>
        <translation>fijada</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>de baja</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n no leído</numerusform>
            <numerusform>%n no leídos</numerusform>
        </translation>
    </message>
    <message>
        <source>marked unread</source>
        <translation>marcada como no leída</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>pospuesta</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelta</translation>
    </message>
    <message>
        <source>last message (sent): %1</source>
        <translation>último mensaje (enviado): %1</translation>
    </message>
    <message>
        <source>last message: %1</source>
        <translation>último mensaje: %1</translation>
    </message>
</context>
<context>
    <name>ChatListView</name>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Sign in with a Self Client code</source>
        <translation>Iniciar sesión con un código de Self Client</translation>
    </message>
    <message>
        <source>In the Zoho API console, open your Self Client, choose Generate Code with the scopes %1, and paste the code here within a few minutes.</source>
        <translation>En la consola de API de Zoho, abra su Self Client, elija Generate Code con los ámbitos %1 y pegue aquí el código en los minutos siguientes.</translation>
    </message>
    <message>
        <source>Self Client code</source>
        <translation>Código de Self Client</translation>
    </message>
    <message>
        <source>Paste the code</source>
        <translation>Pegue el código</translation>
    </message>
    <message>
        <source>Sign in with this &amp;code</source>
        <translation>&amp;Iniciar sesión con este código</translation>
    </message>
    <message>
        <source>Sign in with this code</source>
        <translation>Iniciar sesión con este código</translation>
    </message>
</context>
<context>
    <name>CollisionNotice</name>
    <message>
        <source>Collision notice</source>
        <translation>Aviso de respuesta simultánea</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Descartar el aviso</translation>
    </message>
    <message>
        <source>Hides the notice that someone else replied</source>
        <translation>Oculta el aviso de que otra persona respondió</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Another agent</source>
        <translation>Otro agente</translation>
    </message>
    <message>
        <source>{agent} replied in this conversation while you were typing</source>
        <translation>{agent} respondió en esta conversación mientras usted escribía</translation>
    </message>
</context>
<context>
    <name>ComplianceBar</name>
    <message>
        <source>Compliance</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <source>Mark as opted out</source>
        <translation>Marcar como baja</translation>
    </message>
    <message>
        <source>Undo opt-out</source>
        <translation>Deshacer la baja</translation>
    </message>
    <message>
        <source>This customer is blocked in Zoho Voice.</source>
        <translation>Este cliente está bloqueado en Zoho Voice.</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>un agente</translation>
    </message>
    <message>
        <source>Opted out by hand by %1 on %2.</source>
        <translation>Dado de baja a mano por %1 el %2.</translation>
    </message>
    <message>
        <source>The customer replied “%1” on %2 and may not be texted.</source>
        <translation>El cliente respondió «%1» el %2 y no se le pueden enviar mensajes.</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>De baja</translation>
    </message>
    <message>
        <source>The customer wrote “%1”: they may want no more texts.</source>
        <translation>El cliente escribió «%1»: quizá no quiera más mensajes.</translation>
    </message>
    <message>
        <source>The customer asked for help (HELP).</source>
        <translation>El cliente pidió ayuda (HELP).</translation>
    </message>
</context>
<context>
    <name>ComplianceController</name>
    <message>
        <source>It will be %1 for this customer when it goes out.</source>
        <translation>Serán las %1 para este cliente cuando salga.</translation>
    </message>
    <message>
        <source>It is %1 for this customer.</source>
        <translation>Son las %1 para este cliente.</translation>
    </message>
    <message>
        <source>Outside the send window</source>
        <translation>Fuera del horario de envío</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <source>Keep that time</source>
        <translation>Mantener esa hora</translation>
    </message>
    <message>
        <source>Schedule for %1 their time</source>
        <translation>Programar para las %1 de su hora</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Message composer</source>
        <translation>Redacción del mensaje</translation>
    </message>
    <message>
        <source>Internal note: only your team sees it; it is never sent to the customer.</source>
        <translation>Nota interna: solo la ve tu equipo; nunca se envía al cliente.</translation>
    </message>
    <message>
        <source>Internal note mode</source>
        <translation>Modo de nota interna</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Message problem</source>
        <translation>Problema del mensaje</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>Adjuntar un archivo (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Chooses one file to send as MMS; you can also drop or paste a file or image</source>
        <translation>Elige un archivo para enviarlo como MMS; también puede soltar o pegar un archivo o una imagen</translation>
    </message>
    <message>
        <source>Schedule (Ctrl+Shift+S)</source>
        <translation>Programar (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Shows the date, time and time zone to send the message at</source>
        <translation>Muestra la fecha, la hora y la zona horaria de envío del mensaje</translation>
    </message>
    <message>
        <source>Message length</source>
        <translation>Longitud del mensaje</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Intro envía, Mayús+Intro inicia una nueva línea</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter starts a new line</source>
        <translation>Ctrl+Intro envía, Intro inicia una nueva línea</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Escriba un mensaje…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>No se pudo guardar la imagen pegada.</translation>
    </message>
    <message>
        <source>Open a conversation to send a message.</source>
        <translation>Abra una conversación para enviar un mensaje.</translation>
    </message>
    <message>
        <source>Replace %1 with the right words before sending (Tab selects each one).</source>
        <translation>Sustituya %1 por el texto adecuado antes de enviar (Tab selecciona cada uno).</translation>
    </message>
    <message>
        <source>%1 (%2) is not in the future: choose a later time.</source>
        <translation>%1 (%2) no está en el futuro: elija una hora posterior.</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 carácter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters</source>
        <translation>
            <numerusform>%Ln carácter</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>{characters} · {encoding} · {parts} SMS ({left} left)</source>
        <translation>{characters} · {encoding} · {parts} SMS (quedan {left})</translation>
    </message>
    <message>
        <source>Sends the message to the customer</source>
        <translation>Envía el mensaje al cliente</translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message>
        <source>an agent</source>
        <translation>un agente</translation>
    </message>
    <message>
        <source>That conversation is no longer in the cache.</source>
        <translation>Esa conversación ya no está en la caché.</translation>
    </message>
    <message>
        <source>Could not read the cache: %1</source>
        <translation>No se pudo leer la caché: %1</translation>
    </message>
    <message>
        <source>The message was not sent: %1</source>
        <translation>El mensaje no se envió: %1</translation>
    </message>
    <message>
        <source>Sending it again.</source>
        <translation>Enviándolo de nuevo.</translation>
    </message>
    <message>
        <source>A note needs a conversation with messages.</source>
        <translation>Una nota necesita una conversación con mensajes.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>La nota no se guardó: %1</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Attachment: %1</source>
        <translation>Archivo adjunto: %1</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>No entregado: %1</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Check…</source>
        <translation>Comprobar…</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Archivo adjunto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Conversation with</source>
        <translation>Conversación con</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijada</translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation>Datos del cliente</translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation>Ninguna conversación abierta</translation>
    </message>
    <message>
        <source>Resolved by %1</source>
        <translation>Resuelta por %1</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Pospuesta hasta %1</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>Esperando al cliente</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>Pendiente de respuesta</translation>
    </message>
    <message>
        <source>%1 their time</source>
        <translation>%1 en su hora local</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>desde %1</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>Scheduled</source>
        <translation>Programados</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Scheduled for %1 (%2)</source>
        <translation>Programado para %1 (%2)</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Programado para %1</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <source>Not sent yet, trying again</source>
        <translation>Aún no enviado, se reintentará</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Not sure it was sent: checking</source>
        <translation>No se sabe si se envió: comprobando</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>Needs a look: did it arrive?</source>
        <translation>Hay que revisarlo: ¿llegó?</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>No entregado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Nota interna</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n archivo adjunto</numerusform>
            <numerusform>%n archivos adjuntos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation>No hay ninguna conversación abierta</translation>
    </message>
    <message>
        <source>No conversation open.

Choose one in the list, or:
Ctrl+K  find a conversation by name or number
Ctrl+N  start a new conversation
Alt+↓  the next conversation    Alt+Shift+↓  the next unread
Ctrl+/  all shortcuts</source>
        <translation>No hay ninguna conversación abierta.

Elija una en la lista, o bien:
Ctrl+K  buscar una conversación por nombre o número
Ctrl+N  iniciar una conversación nueva
Alt+↓  la conversación siguiente    Alt+Mayús+↓  la siguiente sin leer
Ctrl+/  todos los atajos</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar el texto</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>Copiar la dirección del enlace</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Abrir el archivo adjunto</translation>
    </message>
    <message>
        <source>Save attachment…</source>
        <translation>Guardar el archivo adjunto…</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Reintentar el envío</translation>
    </message>
    <message>
        <source>Did it arrive? Check…</source>
        <translation>¿Llegó? Comprobar…</translation>
    </message>
    <message numerus="yes">
        <source>Jump to newest (%n new)</source>
        <translation>
            <numerusform>Ir a lo más reciente (%n nuevo)</numerusform>
            <numerusform>Ir a lo más reciente (%n nuevos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to newest</source>
        <translation>Ir a lo más reciente</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>zvdesk ran into a problem</source>
        <translation>zvdesk encontró un problema</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Informe de error</translation>
    </message>
    <message>
        <source>Something went wrong inside zvdesk. Your drafts and the messages waiting to be sent are kept. You can continue, or quit and start zvdesk again.
The report below has no tokens, phone numbers or message text: copy or save it for a support ticket.</source>
        <translation>Algo salió mal dentro de zvdesk. Se conservan sus borradores y los mensajes en espera de envío. Puede continuar, o salir e iniciar zvdesk de nuevo.
El informe siguiente no contiene tokens, números de teléfono ni texto de mensajes: cópielo o guárdelo para una solicitud de soporte.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Estado del informe</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Guardar informe…</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
    </message>
    <message>
        <source>&amp;Quit zvdesk</source>
        <translation>&amp;Salir de zvdesk</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>El informe está en el portapapeles.</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>El informe no se guardó: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s) happened since; they are in the log.</source>
        <translation>
            <numerusform>Desde entonces se produjo %n error más; figura en el registro.</numerusform>
            <numerusform>Desde entonces se produjeron %n errores más; figuran en el registro.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateRangeEdit</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Filter from a date</source>
        <translation>Filtrar a partir de una fecha</translation>
    </message>
    <message>
        <source>Show only items on or after a day</source>
        <translation>Mostrar solo los elementos de ese día o posteriores</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <source>First day to show</source>
        <translation>Primer día que se muestra</translation>
    </message>
    <message>
        <source>Filter up to a date</source>
        <translation>Filtrar hasta una fecha</translation>
    </message>
    <message>
        <source>Show only items on or before a day</source>
        <translation>Mostrar solo los elementos de ese día o anteriores</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <source>Last day to show</source>
        <translation>Último día que se muestra</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>&amp;Calm: a message every 2 minutes</source>
        <translation>&amp;Tranquilo: un mensaje cada 2 minutos</translation>
    </message>
    <message>
        <source>&amp;Busy shift: a message every 30 seconds</source>
        <translation>&amp;Turno con trabajo: un mensaje cada 30 segundos</translation>
    </message>
    <message>
        <source>&amp;Drill: 6 messages a minute</source>
        <translation>&amp;Práctica: 6 mensajes por minuto</translation>
    </message>
    <message>
        <source>&amp;Rush: 30 messages a minute</source>
        <translation>&amp;Avalancha: 30 mensajes por minuto</translation>
    </message>
    <message>
        <source>&amp;Paused: no new messages</source>
        <translation>&amp;En pausa: sin mensajes nuevos</translation>
    </message>
    <message>
        <source>zvdesk — Demo (simulated customers, not your Zoho account)</source>
        <translation>zvdesk — Demostración (clientes simulados, no es su cuenta de Zoho)</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demostración</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modo de demostración</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Demostración</translation>
    </message>
    <message>
        <source>Customers &amp;write in</source>
        <translation>Los clientes &amp;escriben</translation>
    </message>
    <message>
        <source>How often simulated customers write in</source>
        <translation>Con qué frecuencia escriben los clientes simulados</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
</context>
<context>
    <name>DemoBand</name>
    <message>
        <source>Demo mode</source>
        <translation>Modo de demostración</translation>
    </message>
    <message>
        <source>Demo: simulated customers on a built-in test server. Nothing you send here reaches Zoho or a real phone.</source>
        <translation>Demostración: clientes simulados en un servidor de pruebas integrado. Nada de lo que envíe aquí llega a Zoho ni a un teléfono real.</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Sign in on another device</source>
        <translation>Iniciar sesión en otro dispositivo</translation>
    </message>
    <message>
        <source>Sign in on any device with a browser (a phone will do): zvdesk shows a code and an address; open the address, enter the code and approve.</source>
        <translation>Inicie sesión en cualquier dispositivo con navegador (sirve un teléfono): zvdesk muestra un código y una dirección; abra la dirección, escriba el código y autorice el acceso.</translation>
    </message>
    <message>
        <source>&amp;Get a code</source>
        <translation>&amp;Pedir un código</translation>
    </message>
    <message>
        <source>Get a sign-in code</source>
        <translation>Pedir un código de inicio de sesión</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Código de inicio de sesión</translation>
    </message>
    <message>
        <source>Copy c&amp;ode</source>
        <translation>Copiar cód&amp;igo</translation>
    </message>
    <message>
        <source>Copy the sign-in code</source>
        <translation>Copiar el código de inicio de sesión</translation>
    </message>
    <message>
        <source>Address to open</source>
        <translation>Dirección que debe abrir</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>Copiar di&amp;rección</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Copiar la dirección</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>The code expires in %1.</source>
        <translation>El código caduca en %1.</translation>
    </message>
    <message>
        <source>The code expired.</source>
        <translation>El código caducó.</translation>
    </message>
</context>
<context>
    <name>InboxActions</name>
    <message>
        <source>Resolved.</source>
        <translation>Resuelta.</translation>
    </message>
    <message>
        <source>Reopened.</source>
        <translation>Reabierta.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Elige una hora futura.</translation>
    </message>
    <message>
        <source>Marked unread.</source>
        <translation>Marcada como no leída.</translation>
    </message>
    <message>
        <source>Unpin a conversation first: at most 5 can be pinned.</source>
        <translation>Desfija antes una conversación: se pueden fijar 5 como máximo.</translation>
    </message>
    <message>
        <source>That conversation is no longer in the cache.</source>
        <translation>Esa conversación ya no está en la caché.</translation>
    </message>
</context>
<context>
    <name>ListsController</name>
    <message>
        <source>1 row exported to %1</source>
        <translation>1 fila exportada a %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows exported to %1</source>
        <translation>
            <numerusform>%Ln fila exportada a %1</numerusform>
            <numerusform>%Ln filas exportadas a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The logs could not be exported: %1</source>
        <translation>No se pudieron exportar los registros: %1</translation>
    </message>
    <message>
        <source>The logs could not be loaded: %1</source>
        <translation>No se pudieron cargar los registros: %1</translation>
    </message>
</context>
<context>
    <name>Logs</name>
    <message>
        <source>You are signed out.</source>
        <translation>No ha iniciado sesión.</translation>
    </message>
</context>
<context>
    <name>LogsModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Saliente</translation>
    </message>
</context>
<context>
    <name>LogsView</name>
    <message>
        <source>All directions</source>
        <translation>Todas las direcciones</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Show incoming, outgoing or all messages</source>
        <translation>Mostrar los mensajes entrantes, salientes o todos</translation>
    </message>
    <message>
        <source>Number or part of it</source>
        <translation>Número o parte de él</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Número del cliente</translation>
    </message>
    <message>
        <source>A complete number is searched on the server; part of one filters the list</source>
        <translation>Un número completo se busca en el servidor; una parte filtra la lista</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Número:</translation>
    </message>
    <message>
        <source>Number filter error</source>
        <translation>Error del filtro de número</translation>
    </message>
    <message>
        <source>Why the number filter is not applied</source>
        <translation>Por qué no se aplica el filtro de número</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Todos los países</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Show only messages of one country</source>
        <translation>Mostrar solo los mensajes de un país</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exportar a CSV</translation>
    </message>
    <message>
        <source>Saves the loaded rows, all columns, to a CSV file</source>
        <translation>Guarda las filas cargadas, con todas las columnas, en un archivo CSV</translation>
    </message>
    <message>
        <source>Search se&amp;rver</source>
        <translation>Buscar en el ser&amp;vidor</translation>
    </message>
    <message>
        <source>Search the server</source>
        <translation>Buscar en el servidor</translation>
    </message>
    <message>
        <source>Loads the logs for these filters from Zoho Voice instead of this computer</source>
        <translation>Carga los registros de estos filtros desde Zoho Voice en lugar de este equipo</translation>
    </message>
    <message>
        <source>No messages in the logs for these dates and filters. Widen the dates or clear the filters above; the logs show every message sent and received by the account, newest first.</source>
        <translation>No hay mensajes en el registro para estas fechas y filtros. Amplíe las fechas o quite los filtros de arriba; el registro muestra todos los mensajes enviados y recibidos por la cuenta, los más recientes primero.</translation>
    </message>
    <message>
        <source>Message logs</source>
        <translation>Registros de mensajes</translation>
    </message>
    <message>
        <source>Click a column header to sort by it</source>
        <translation>Haga clic en el encabezado de una columna para ordenar por ella</translation>
    </message>
    <message>
        <source>Type digits only, e.g. +44 7911 123456 or part of a number.</source>
        <translation>Escriba solo dígitos, p. ej. +44 7911 123456 o parte de un número.</translation>
    </message>
    <message>
        <source>Exporting… %1%</source>
        <translation>Exportando… %1 %</translation>
    </message>
    <message>
        <source>Export logs</source>
        <translation>Exportar registros</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversación</translation>
    </message>
    <message>
        <source>&amp;Scheduled</source>
        <translation>&amp;Programados</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>&amp;Registros</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ayuda</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>API server %1 (not Zoho)</source>
        <translation>servidor de API %1 (no es Zoho)</translation>
    </message>
    <message>
        <source>API: %1 (not Zoho)</source>
        <translation>API: %1 (no es Zoho)</translation>
    </message>
    <message>
        <source>Messages and your sign-in go to %1, not to Zoho.</source>
        <translation>Los mensajes y su inicio de sesión van a %1, no a Zoho.</translation>
    </message>
    <message>
        <source>Voice API server</source>
        <translation>Servidor de la API de Voice</translation>
    </message>
    <message>
        <source>Open a conversation first.</source>
        <translation>Abre antes una conversación.</translation>
    </message>
    <message>
        <source>Snoozed until %1.</source>
        <translation>Pospuesta hasta %1.</translation>
    </message>
    <message>
        <source>Snooze ended: back in your list.</source>
        <translation>Fin del aplazamiento: vuelve a tu lista.</translation>
    </message>
    <message>
        <source>Snooze ended: %1</source>
        <translation>Fin del aplazamiento: %1</translation>
    </message>
    <message>
        <source>The diagnostics report is on the clipboard.</source>
        <translation>El informe de diagnóstico está en el portapapeles.</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Image too large to preview</source>
        <translation>Imagen demasiado grande para la vista previa</translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation>No se puede mostrar esta imagen</translation>
    </message>
    <message>
        <source>Cannot play this attachment</source>
        <translation>No se puede reproducir este archivo adjunto</translation>
    </message>
</context>
<context>
    <name>MediaController</name>
    <message>
        <source>Save the attachment in</source>
        <translation>Guardar el archivo adjunto en</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>una imagen</translation>
    </message>
    <message>
        <source>a sound recording</source>
        <translation>una grabación de sonido</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>un vídeo</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>un documento PDF</translation>
    </message>
    <message>
        <source>a file of another kind</source>
        <translation>un archivo de otro tipo</translation>
    </message>
    <message>
        <source>This attachment says it is %1, but its contents are %2. zvdesk did not open it: save it only if you trust the sender, and do not run it.</source>
        <translation>Este adjunto dice ser %1, pero su contenido es %2. zvdesk no lo ha abierto: guárdelo solo si confía en el remitente, y no lo ejecute.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <source>The attachment was not saved: %1</source>
        <translation>El archivo adjunto no se guardó: %1</translation>
    </message>
    <message>
        <source>The attachment could not be loaded: %1</source>
        <translation>No se pudo cargar el archivo adjunto: %1</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>This afternoon</source>
        <translation>Esta tarde</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>Mañana por la mañana</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>La próxima semana</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New conversation…</source>
        <translation>&amp;Nueva conversación…</translation>
    </message>
    <message>
        <source>New &amp;announcement…</source>
        <translation>Nuevo &amp;aviso…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Needs reply</source>
        <translation>&amp;Pendientes de respuesta</translation>
    </message>
    <message>
        <source>&amp;Waiting</source>
        <translation>En &amp;espera</translation>
    </message>
    <message>
        <source>&amp;Snoozed</source>
        <translation>&amp;Pospuestas</translation>
    </message>
    <message>
        <source>&amp;Resolved</source>
        <translation>&amp;Resueltas</translation>
    </message>
    <message>
        <source>&amp;All conversations</source>
        <translation>&amp;Todas las conversaciones</translation>
    </message>
    <message>
        <source>&amp;Dark mode</source>
        <translation>Modo &amp;oscuro</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Tamaño de texto &amp;normal</translation>
    </message>
    <message>
        <source>&amp;Quick switcher…</source>
        <translation>Cambio &amp;rápido…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversación</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <source>Send and r&amp;esolve</source>
        <translation>Enviar y r&amp;esolver</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;Posponer</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Marcar como &amp;no leída</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Fijar</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>&amp;Nota interna</translation>
    </message>
    <message>
        <source>Mark as &amp;opted out</source>
        <translation>Marcar como &amp;baja</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>Elegir una hora…</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Reabrir</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>&amp;Desfijar</translation>
    </message>
    <message>
        <source>&amp;Undo opt-out</source>
        <translation>&amp;Deshacer la baja</translation>
    </message>
    <message>
        <source>Opted out by the customer</source>
        <translation>Dado de baja por el cliente</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>Type the customer&apos;s phone number.</source>
        <translation>Escriba el número de teléfono del cliente.</translation>
    </message>
    <message>
        <source>A phone number has only digits (and a + in front).</source>
        <translation>Un número de teléfono solo tiene dígitos (y un + delante).</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Esto no es un número de teléfono.</translation>
    </message>
    <message>
        <source>Unknown country code +%1.</source>
        <translation>Código de país desconocido: +%1.</translation>
    </message>
    <message>
        <source>Not a valid number for %1.</source>
        <translation>No es un número válido para %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Conversación nueva</translation>
    </message>
    <message>
        <source>Start a conversation with a phone number</source>
        <translation>Iniciar una conversación con un número de teléfono</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>The customer&apos;s number; start with + for another country</source>
        <translation>El número del cliente; empiece con + para otro país</translation>
    </message>
    <message>
        <source>Number check</source>
        <translation>Comprobación del número</translation>
    </message>
    <message>
        <source>Whether the number is valid</source>
        <translation>Si el número es válido</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>The number the message is sent from</source>
        <translation>El número desde el que se envía el mensaje</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>Iniciar la conversación</translation>
    </message>
    <message>
        <source>Enabled when the number is valid</source>
        <translation>Se activa cuando el número es válido</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close without starting a conversation</source>
        <translation>Cerrar sin iniciar una conversación</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Número:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Remitente:</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>&amp;Open zvdesk</source>
        <translation>&amp;Abrir zvdesk</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;No molestar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message numerus="yes">
        <source>zvdesk — %n unread</source>
        <translation>
            <numerusform>zvdesk — %n no leído</numerusform>
            <numerusform>zvdesk — %n no leídos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionsBar</name>
    <message>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>Flash SMS: shown at once and not stored</source>
        <translation>SMS flash: se muestra al instante y no se guarda</translation>
    </message>
    <message>
        <source>Flash SMS</source>
        <translation>SMS flash</translation>
    </message>
    <message>
        <source>Sends as a flash message, shown at once and not stored by the phone; some phones ignore it</source>
        <translation>Envía un mensaje flash, que se muestra al instante y el teléfono no guarda; algunos teléfonos lo ignoran</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Validity period</source>
        <translation>Periodo de validez</translation>
    </message>
    <message>
        <source>Valid f&amp;or:</source>
        <translation>Válido dur&amp;ante:</translation>
    </message>
    <message>
        <source>How long the network keeps trying to deliver the message</source>
        <translation>Cuánto tiempo sigue intentando la red entregar el mensaje</translation>
    </message>
    <message>
        <source>Validity period in minutes</source>
        <translation>Periodo de validez en minutos</translation>
    </message>
    <message>
        <source>How long the network keeps trying to deliver, 0 to 14400 minutes; none for the network&apos;s default</source>
        <translation>Cuánto tiempo sigue intentando la red entregar el mensaje, de 0 a 14400 minutos; ninguno para usar el valor predeterminado de la red</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Enviar desde</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>The number the message is sent from</source>
        <translation>El número desde el que se envía el mensaje</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Remitentes</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>Ir a la conversación</translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation>Selector rápido</translation>
    </message>
    <message>
        <source>Find a conversation by name or number</source>
        <translation>Buscar una conversación por nombre o número</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Matching conversations; Enter opens one</source>
        <translation>Conversaciones que coinciden; Intro abre una</translation>
    </message>
    <message>
        <source>Name or number</source>
        <translation>Nombre o número</translation>
    </message>
    <message>
        <source>Conversation name or number</source>
        <translation>Nombre o número de la conversación</translation>
    </message>
    <message>
        <source>Type to filter; Up and Down choose, Enter opens, Escape closes</source>
        <translation>Escriba para filtrar; Arriba y Abajo eligen, Intro abre, Esc cierra</translation>
    </message>
    <message>
        <source>No conversation matches.</source>
        <translation>Ninguna conversación coincide.</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>Shown when nothing matches the text typed</source>
        <translation>Se muestra cuando nada coincide con el texto escrito</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>You are signed out, so nothing can be sent: sign in with the button above the views. Your draft is kept.</source>
        <translation>Ha cerrado la sesión, así que no se puede enviar nada: inicie sesión con el botón que hay encima de las vistas. Su borrador se conserva.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Did this message arrive?</source>
        <translation>¿Llegó este mensaje?</translation>
    </message>
    <message>
        <source>The answer to this message was lost, and these messages like it reached the server meanwhile. Is one of them this message?</source>
        <translation>La respuesta a este mensaje se perdió y, mientras tanto, estos mensajes parecidos llegaron al servidor. ¿Es uno de ellos este mensaje?</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Enviar de nuevo</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decidir más tarde</translation>
    </message>
    <message>
        <source>Sent %1 by %2</source>
        <translation>Enviado el %1 por %2</translation>
    </message>
    <message>
        <source>It arrived: this is it</source>
        <translation>Llegó: es este</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <source>Scheduled date and time</source>
        <translation>Fecha y hora programadas</translation>
    </message>
    <message>
        <source>When to send: the date and time in the chosen time zone</source>
        <translation>Cuándo enviar: la fecha y la hora en la zona horaria elegida</translation>
    </message>
    <message>
        <source>Send a&amp;t:</source>
        <translation>Enviar &amp;a las:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>The time zone of the scheduled time; type part of a name to search</source>
        <translation>La zona horaria de la hora programada; escriba parte de un nombre para buscar</translation>
    </message>
    <message>
        <source>Time zones</source>
        <translation>Zonas horarias</translation>
    </message>
    <message>
        <source>Customer&apos;s local time</source>
        <translation>Hora local del cliente</translation>
    </message>
    <message>
        <source>Customer&apos;s morning (9:00)</source>
        <translation>Mañana del cliente (9:00)</translation>
    </message>
    <message>
        <source>Customer&apos;s morning</source>
        <translation>Mañana del cliente</translation>
    </message>
    <message>
        <source>Schedules the message for the customer&apos;s next 9:00 local time</source>
        <translation>Programa el mensaje para las próximas 9:00, hora local del cliente</translation>
    </message>
    <message>
        <source>Customer&apos;s local time: choose a valid time zone</source>
        <translation>Hora local del cliente: elija una zona horaria válida</translation>
    </message>
    <message>
        <source>Customer&apos;s local time: {time} ({zone})</source>
        <translation>Hora local del cliente: {time} ({zone})</translation>
    </message>
</context>
<context>
    <name>ScheduledModel</name>
    <message>
        <source>Scheduled for</source>
        <translation>Programado para</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Your time: %1</source>
        <translation>Su hora: %1</translation>
    </message>
</context>
<context>
    <name>ScheduledView</name>
    <message>
        <source>Filter by customer, number or text</source>
        <translation>Filtrar por cliente, número o texto</translation>
    </message>
    <message>
        <source>Filter scheduled messages</source>
        <translation>Filtrar los mensajes programados</translation>
    </message>
    <message>
        <source>Shows messages containing every word typed, in any column</source>
        <translation>Muestra los mensajes que contienen todas las palabras escritas, en cualquier columna</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>No scheduled messages here. A message you schedule in the composer (the clock button, Ctrl+Shift+S) waits in this list until it is sent; a search or filter above may also hide some.</source>
        <translation>No hay mensajes programados. Un mensaje que programe en el editor (el botón del reloj, Ctrl+Mayús+S) espera en esta lista hasta que se envía; una búsqueda o un filtro de arriba también pueden ocultar algunos.</translation>
    </message>
    <message>
        <source>Scheduled messages</source>
        <translation>Mensajes programados</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the conversation</source>
        <translation>Pulse Intro o haga doble clic para abrir la conversación</translation>
    </message>
</context>
<context>
    <name>SendWindowPage</name>
    <message>
        <source>Send window settings</source>
        <translation>Ajustes del horario de envío</translation>
    </message>
    <message>
        <source>&amp;Keep to a send window in the customer&apos;s local time</source>
        <translation>&amp;Respetar un horario de envío en la hora local del cliente</translation>
    </message>
    <message>
        <source>Keep to a send window</source>
        <translation>Respetar un horario de envío</translation>
    </message>
    <message>
        <source>Send window starts</source>
        <translation>Inicio del horario de envío</translation>
    </message>
    <message>
        <source>Send window ends</source>
        <translation>Fin del horario de envío</translation>
    </message>
    <message>
        <source>A reply that would reach the customer outside these hours asks first; scheduled messages and announcements wait for the customer&apos;s morning or are skipped, your choice. Some US states end at 20:00.</source>
        <translation>Una respuesta que llegaría al cliente fuera de este horario pregunta antes; los mensajes programados y los avisos esperan a la mañana del cliente o se omiten, según elija. Algunos estados de EE. UU. terminan a las 20:00.</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Establecido por su administrador</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Set by your administrator (%1): %2. Ask them to change it.</source>
        <translation>Establecido por su administrador (%1): %2. Pídale que lo cambie.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de configuración</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>&amp;Composer</source>
        <translation>&amp;Redacción</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificaciones</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Diagnostics</source>
        <translation>&amp;Diagnóstico</translation>
    </message>
    <message>
        <source>Send &amp;window</source>
        <translation>&amp;Horario</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del cuadro de diálogo</translation>
    </message>
    <message>
        <source>Account settings</source>
        <translation>Configuración de la cuenta</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>The client id of zvdesk&apos;s registration in the Zoho API console</source>
        <translation>El ID de cliente del registro de zvdesk en la consola de API de Zoho</translation>
    </message>
    <message>
        <source>From the Zoho API console</source>
        <translation>De la consola de API de Zoho</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in a settings file; leave empty to keep it</source>
        <translation>Se guarda en el llavero del sistema, nunca en un archivo de configuración; déjelo vacío para conservarlo</translation>
    </message>
    <message>
        <source>Only if the client has one</source>
        <translation>Solo si el cliente tiene uno</translation>
    </message>
    <message>
        <source>&amp;Forget the stored client secret</source>
        <translation>&amp;Olvidar el secreto de cliente guardado</translation>
    </message>
    <message>
        <source>Forget the stored client secret</source>
        <translation>Olvidar el secreto de cliente guardado</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>Centro de datos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Cualquier puerto libre</translation>
    </message>
    <message>
        <source>Redirect port</source>
        <translation>Puerto de redirección</translation>
    </message>
    <message>
        <source>Redirect URI to register</source>
        <translation>URI de redirección que debe registrar</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>ID de c&amp;liente:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secreto de cliente:</translation>
    </message>
    <message>
        <source>&amp;Data centre:</source>
        <translation>Centro de da&amp;tos:</translation>
    </message>
    <message>
        <source>&amp;Redirect port:</source>
        <translation>&amp;Puerto de redirección:</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>URI de redirección:</translation>
    </message>
    <message>
        <source>Register the redirect URI exactly as shown for the client in the Zoho API console. Your administrator&apos;s settings are used where these are empty.</source>
        <translation>Registre la URI de redirección para el cliente en la consola de API de Zoho exactamente como se muestra. Donde estos campos estén vacíos, se usa la configuración de su administrador.</translation>
    </message>
    <message>
        <source>Composer settings</source>
        <translation>Configuración de la redacción</translation>
    </message>
    <message>
        <source>&amp;Enter sends, Shift+Enter starts a new line</source>
        <translation>&amp;Enter envía, Shift+Enter inicia una nueva línea</translation>
    </message>
    <message>
        <source>Enter sends</source>
        <translation>Enter envía</translation>
    </message>
    <message>
        <source>Ctrl+Enter &amp;sends, Enter starts a new line</source>
        <translation>Ctrl+Enter en&amp;vía, Enter inicia una nueva línea</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends</source>
        <translation>Ctrl+Enter envía</translation>
    </message>
    <message>
        <source>Default country</source>
        <translation>País predeterminado</translation>
    </message>
    <message>
        <source>The country of numbers written without a + and country code</source>
        <translation>El país de los números escritos sin + ni código de país</translation>
    </message>
    <message>
        <source>Your name for customers</source>
        <translation>Su nombre para los clientes</translation>
    </message>
    <message>
        <source>Fills {agent} in canned responses; empty: your name in Zoho</source>
        <translation>Rellena {agent} en las respuestas predefinidas; vacío: su nombre en Zoho</translation>
    </message>
    <message>
        <source>Your name in Zoho</source>
        <translation>Su nombre en Zoho</translation>
    </message>
    <message>
        <source>Default &amp;country:</source>
        <translation>&amp;País predeterminado:</translation>
    </message>
    <message>
        <source>Your &amp;name for customers:</source>
        <translation>Su &amp;nombre para los clientes:</translation>
    </message>
    <message>
        <source>Canned responses write this name for {agent}. Leave it empty to use the name of the signed-in Zoho user.</source>
        <translation>Las respuestas predefinidas escriben este nombre en {agent}. Déjelo vacío para usar el nombre del usuario de Zoho que ha iniciado sesión.</translation>
    </message>
    <message>
        <source>Notification settings</source>
        <translation>Configuración de las notificaciones</translation>
    </message>
    <message>
        <source>&amp;Play a sound for new messages</source>
        <translation>Reproducir un &amp;sonido con los mensajes nuevos</translation>
    </message>
    <message>
        <source>Play a sound for new messages</source>
        <translation>Reproducir un sonido con los mensajes nuevos</translation>
    </message>
    <message>
        <source>&amp;Do not disturb (no pop-ups, no sound)</source>
        <translation>No &amp;molestar (sin avisos emergentes ni sonido)</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>No molestar</translation>
    </message>
    <message>
        <source>Language settings</source>
        <translation>Configuración del idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Idi&amp;oma:</translation>
    </message>
    <message>
        <source>Diagnostics settings</source>
        <translation>Configuración del diagnóstico</translation>
    </message>
    <message>
        <source>&amp;Verbose logging</source>
        <translation>Registro de&amp;tallado</translation>
    </message>
    <message>
        <source>Verbose logging</source>
        <translation>Registro detallado</translation>
    </message>
    <message>
        <source>Verbose logging writes phone numbers and message text to the log file; turn it on only while support needs it. Tokens and secrets are never written.</source>
        <translation>El registro detallado escribe números de teléfono y texto de los mensajes en el archivo de registro; actívelo solo mientras el equipo de soporte lo necesite. Los tokens y los secretos nunca se escriben.</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>Co&amp;piar diagnóstico</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copiar diagnóstico</translation>
    </message>
    <message>
        <source>Copies versions, settings and the last log lines, without secrets</source>
        <translation>Copia las versiones, la configuración y las últimas líneas del registro, sin secretos</translation>
    </message>
    <message>
        <source>Diagnostics status</source>
        <translation>Estado del diagnóstico</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PUERTO</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copiado en el portapapeles.</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>A list of the keyboard shortcuts of zvdesk</source>
        <translation>Una lista de los atajos de teclado de zvdesk</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Buscar atajos</translation>
    </message>
    <message>
        <source>Filters the list by action or keys</source>
        <translation>Filtra la lista por acción o por teclas</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Atajos</translation>
    </message>
    <message>
        <source>Each row: an action, its keys and where</source>
        <translation>Cada fila: una acción, sus teclas y dónde funciona</translation>
    </message>
</context>
<context>
    <name>ShortcutTableModel</name>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Aplicación</translation>
    </message>
    <message>
        <source>Jump to a conversation (quick switcher)</source>
        <translation>Ir a una conversación (selector rápido)</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Iniciar una conversación nueva</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Buscar mensajes</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>Conversación anterior</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>Conversación siguiente</translation>
    </message>
    <message>
        <source>Previous unread conversation</source>
        <translation>Conversación no leída anterior</translation>
    </message>
    <message>
        <source>Next unread conversation</source>
        <translation>Conversación no leída siguiente</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Enviar el mensaje</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nueva línea en el mensaje</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Schedule the message</source>
        <translation>Programar el mensaje</translation>
    </message>
    <message>
        <source>Resolve the conversation (or reopen it)</source>
        <translation>Resolver la conversación (o reabrirla)</translation>
    </message>
    <message>
        <source>Send the message and resolve</source>
        <translation>Enviar el mensaje y resolver</translation>
    </message>
    <message>
        <source>Snooze the conversation</source>
        <translation>Posponer la conversación</translation>
    </message>
    <message>
        <source>Mark the conversation unread</source>
        <translation>Marcar la conversación como no leída</translation>
    </message>
    <message>
        <source>Pin or unpin the conversation</source>
        <translation>Fijar o desfijar la conversación</translation>
    </message>
    <message>
        <source>Write an internal note (never sent)</source>
        <translation>Escribir una nota interna (nunca se envía)</translation>
    </message>
    <message>
        <source>Text many customers (announcement)</source>
        <translation>Escribir a muchos clientes (aviso)</translation>
    </message>
    <message>
        <source>Show conversations that need a reply</source>
        <translation>Mostrar las conversaciones pendientes de respuesta</translation>
    </message>
    <message>
        <source>Show conversations waiting on the customer</source>
        <translation>Mostrar las conversaciones que esperan al cliente</translation>
    </message>
    <message>
        <source>Show snoozed conversations</source>
        <translation>Mostrar las conversaciones pospuestas</translation>
    </message>
    <message>
        <source>Show resolved conversations</source>
        <translation>Mostrar las conversaciones resueltas</translation>
    </message>
    <message>
        <source>Show all conversations</source>
        <translation>Mostrar todas las conversaciones</translation>
    </message>
    <message>
        <source>Larger message text</source>
        <translation>Texto de los mensajes más grande</translation>
    </message>
    <message>
        <source>Smaller message text</source>
        <translation>Texto de los mensajes más pequeño</translation>
    </message>
    <message>
        <source>Message text at its normal size</source>
        <translation>Texto de los mensajes a tamaño normal</translation>
    </message>
    <message>
        <source>Switch between dark and light</source>
        <translation>Cambiar entre oscuro y claro</translation>
    </message>
    <message>
        <source>Quit zvdesk</source>
        <translation>Salir de zvdesk</translation>
    </message>
    <message>
        <source>Show keyboard shortcuts</source>
        <translation>Mostrar los atajos de teclado</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Abrir la configuración</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Needs reply</source>
        <translation>Pendiente de respuesta</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Pospuesta</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Conversation list</source>
        <translation>Lista de conversaciones</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Buscar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Buscar conversaciones</translation>
    </message>
    <message>
        <source>Searches names, numbers and message text</source>
        <translation>Busca en nombres, números y texto de los mensajes</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Conversación nueva (Ctrl+N)</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Conversación nueva</translation>
    </message>
    <message>
        <source>Sender number</source>
        <translation>Número del remitente</translation>
    </message>
    <message>
        <source>Shows the conversations of one number</source>
        <translation>Muestra las conversaciones de un número</translation>
    </message>
    <message>
        <source>All numbers</source>
        <translation>Todos los números</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Show new activity</source>
        <translation>Mostrar la nueva actividad</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nueva</numerusform>
            <numerusform>%n nuevas</numerusform>
        </translation>
    </message>
    <message>
        <source>New activity is waiting: it shows when the pointer leaves the list, or click here</source>
        <translation>Hay actividad nueva: aparece cuando el puntero sale de la lista, o haz clic aquí</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>No system keyring (Secret Service) is available to keep your Zoho sign-in. Install and unlock one (for example GNOME Keyring or KWallet), or sign in for this session only: you will then have to sign in again after quitting zvdesk.</source>
        <translation>No hay ningún llavero del sistema (Secret Service) disponible para guardar su inicio de sesión de Zoho. Instale y desbloquee uno (por ejemplo, GNOME Keyring o KWallet), o inicie sesión solo para esta sesión: en ese caso tendrá que iniciar sesión de nuevo después de salir de zvdesk.</translation>
    </message>
    <message>
        <source>Zoho did not accept the sign-in code: it expired or was already used. Sign in again (a Self Client code must be used within a few minutes of generating it).</source>
        <translation>Zoho no aceptó el código de inicio de sesión: caducó o ya se usó. Inicie sesión de nuevo (un código de Self Client debe usarse en los pocos minutos siguientes a su generación).</translation>
    </message>
    <message>
        <source>Zoho&apos;s %1 data centre does not know zvdesk&apos;s client. Your Zoho account is probably in another data centre: choose the one in the address you sign in to Zoho at (for example accounts.zoho.eu), then sign in again. If it is right, the client id or secret (IT&apos;s, or yours under Advanced… in Settings) does not match the Zoho API console.</source>
        <translation>El centro de datos %1 de Zoho no conoce el cliente de zvdesk. Probablemente su cuenta de Zoho está en otro centro de datos: elija el de la dirección en la que inicia sesión en Zoho (por ejemplo accounts.zoho.eu) y vuelva a iniciar sesión. Si es el correcto, el ID de cliente o el secreto (los de TI, o los suyos en Avanzado… de la Configuración) no coinciden con la consola de API de Zoho.</translation>
    </message>
    <message>
        <source>Zoho does not know this client id and secret in this data centre. Check the client id, the client secret and the data centre in Settings: they must match the Zoho API console.</source>
        <translation>Zoho no reconoce este ID y secreto de cliente en este centro de datos. Compruebe el ID de cliente, el secreto de cliente y el centro de datos en Configuración: deben coincidir con la consola de API de Zoho.</translation>
    </message>
    <message>
        <source>The date or time on this computer is wrong, so Zoho&apos;s secure connection looks invalid. Set the computer&apos;s date, time and time zone right (or turn on automatic time), then sign in again.</source>
        <translation>La fecha o la hora de este equipo son incorrectas, por eso la conexión segura con Zoho parece no válida. Corrija la fecha, la hora y la zona horaria del equipo (o active la hora automática) y vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Zoho refused the redirect address. In the Zoho API console, register %1 exactly as the client&apos;s redirect URI, or change the redirect port in Settings.</source>
        <translation>Zoho rechazó la dirección de redirección. En la consola de API de Zoho, registre %1 exactamente como URI de redirección del cliente, o cambie el puerto de redirección en Configuración.</translation>
    </message>
    <message>
        <source>Zoho&apos;s limit on sign-in requests was reached (about 10 in 10 minutes). Try again in %1 minutes.</source>
        <translation>Se alcanzó el límite de solicitudes de inicio de sesión de Zoho (unas 10 cada 10 minutos). Vuelva a intentarlo dentro de %1 minutos.</translation>
    </message>
    <message>
        <source>Access was declined on Zoho&apos;s page. Sign in again and choose Accept.</source>
        <translation>Se denegó el acceso en la página de Zoho. Inicie sesión de nuevo y elija Aceptar (Accept).</translation>
    </message>
    <message>
        <source>The code expired before it was approved. Get a new code and try again.</source>
        <translation>El código caducó antes de que se autorizara. Pida un código nuevo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>No answer came from the browser in time. Sign in again.</source>
        <translation>El navegador no respondió a tiempo. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>zvdesk refused a sign-in answer that did not belong to this sign-in. Sign in again.</source>
        <translation>zvdesk rechazó una respuesta de inicio de sesión que no correspondía a este inicio de sesión. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Zoho&apos;s sign-in server could not be reached. Check the network connection and try again.</source>
        <translation>No se pudo conectar con el servidor de inicio de sesión de Zoho. Compruebe la conexión de red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Zoho no longer accepts this sign-in (it was revoked or expired). Sign in again: your outbox, drafts and messages are kept.</source>
        <translation>Zoho ya no acepta este inicio de sesión (se revocó o caducó). Inicie sesión de nuevo: se conservan su bandeja de salida, sus borradores y sus mensajes.</translation>
    </message>
    <message>
        <source>No OAuth client id is set. Enter the client id of zvdesk&apos;s registration in the Zoho API console in Settings, or ask your administrator for zvdesk&apos;s config file.</source>
        <translation>No hay ningún ID de cliente OAuth configurado. Escriba en Configuración el ID de cliente del registro de zvdesk en la consola de API de Zoho, o pida a su administrador el archivo de configuración de zvdesk.</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>No se pudo iniciar sesión: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Add a Zoho account</source>
        <translation>Añadir una cuenta de Zoho</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in to Zoho Voice to send and receive your account&apos;s messages.</source>
        <translation>Inicie sesión en Zoho Voice para enviar y recibir los mensajes de su cuenta.</translation>
    </message>
    <message>
        <source>Sign in to another Zoho Voice account; it gets its own messages.</source>
        <translation>Inicie sesión en otra cuenta de Zoho Voice; tendrá sus propios mensajes.</translation>
    </message>
    <message>
        <source>About signing in</source>
        <translation>Acerca del inicio de sesión</translation>
    </message>
    <message>
        <source>Why you need to sign in</source>
        <translation>Por qué debe iniciar sesión</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nombre de la cuenta</translation>
    </message>
    <message>
        <source>A short name for this account: letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Un nombre corto para esta cuenta: letras, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>Centro de datos</translation>
    </message>
    <message>
        <source>Where your Zoho account is kept; it is in the address you sign in at</source>
        <translation>Dónde se guarda su cuenta de Zoho; aparece en la dirección donde inicia sesión</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>OAuth client</source>
        <translation>Cliente OAuth</translation>
    </message>
    <message>
        <source>Ad&amp;vanced…</source>
        <translation>A&amp;vanzado…</translation>
    </message>
    <message>
        <source>Advanced: enter a client id yourself</source>
        <translation>Avanzado: escribir usted mismo un ID de cliente</translation>
    </message>
    <message>
        <source>Settings ▸ Account: a client id of your own (normally set by IT)</source>
        <translation>Configuración ▸ Cuenta: un ID de cliente propio (normalmente lo configura TI)</translation>
    </message>
    <message>
        <source>What your administrator sets up</source>
        <translation>Lo que configura su administrador</translation>
    </message>
    <message>
        <source>Steps for the administrator</source>
        <translation>Pasos para el administrador</translation>
    </message>
    <message>
        <source>Co&amp;py these instructions</source>
        <translation>Co&amp;piar estas instrucciones</translation>
    </message>
    <message>
        <source>Copy these instructions</source>
        <translation>Copiar estas instrucciones</translation>
    </message>
    <message>
        <source>Copies the steps for your IT administrator to the clipboard</source>
        <translation>Copia al portapapeles los pasos para su administrador de TI</translation>
    </message>
    <message>
        <source>Your organisation&apos;s Zoho client: %1</source>
        <translation>Cliente de Zoho de su organización: %1</translation>
    </message>
    <message>
        <source>zvdesk is not set up for your organisation yet. Your IT administrator registers it with Zoho once; after that you only choose your data centre and sign in.</source>
        <translation>zvdesk aún no está configurado para su organización. Su administrador de TI lo registra una vez en Zoho; después usted solo elige su centro de datos e inicia sesión.</translation>
    </message>
    <message>
        <source>For the administrator:
1. In the Zoho API console, add a client of the type Mobile-based Applications (an installed app, signed in with PKCE).
2. Authorized redirect URI: %1
3. Scopes: %2
4. Put the client id and data centre in %3 on each agent&apos;s computer, or build them into the package.</source>
        <translation>Para el administrador:
1. En la consola de API de Zoho, añada un cliente del tipo Mobile-based Applications (una aplicación instalada que inicia sesión con PKCE).
2. URI de redirección autorizado: %1
3. Ámbitos: %2
4. Ponga el ID de cliente y el centro de datos en %3 en el equipo de cada agente, o inclúyalos en el paquete.</translation>
    </message>
    <message>
        <source>The instructions are on the clipboard: send them to IT.</source>
        <translation>Las instrucciones están en el portapapeles: envíelas a TI.</translation>
    </message>
    <message>
        <source>Sign-in cancelled: nothing was kept. You can start again.</source>
        <translation>Inicio de sesión cancelado: no se guardó nada. Puede empezar de nuevo.</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Nom&amp;bre de la cuenta:</translation>
    </message>
    <message>
        <source>&amp;Data centre:</source>
        <translation>Centro de da&amp;tos:</translation>
    </message>
    <message>
        <source>No system keyring</source>
        <translation>No hay llavero del sistema</translation>
    </message>
    <message>
        <source>Sign in for this session &amp;only</source>
        <translation>Iniciar sesión s&amp;olo para esta sesión</translation>
    </message>
    <message>
        <source>Sign in for this session only</source>
        <translation>Iniciar sesión solo para esta sesión</translation>
    </message>
    <message>
        <source>Ways to sign in</source>
        <translation>Formas de iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Browser</source>
        <translation>&amp;Navegador</translation>
    </message>
    <message>
        <source>Self Client &amp;code</source>
        <translation>Códi&amp;go de Self Client</translation>
    </message>
    <message>
        <source>Another &amp;device</source>
        <translation>Otro &amp;dispositivo</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Estado del inicio de sesión</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del cuadro de diálogo</translation>
    </message>
    <message>
        <source>Choose an account name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Elija un nombre de cuenta formado por letras, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Sesión iniciada.</translation>
    </message>
</context>
<context>
    <name>SignInSteps</name>
    <message>
        <source>Sign-in progress</source>
        <translation>Progreso del inicio de sesión</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>Cancelar el inicio de sesión</translation>
    </message>
    <message>
        <source>Stops signing in at once; nothing is kept</source>
        <translation>Detiene el inicio de sesión al instante; no se guarda nada</translation>
    </message>
    <message>
        <source>Waiting for the browser: approve access on Zoho&apos;s page</source>
        <translation>Esperando al navegador: apruebe el acceso en la página de Zoho</translation>
    </message>
    <message>
        <source>Getting a sign-in code from Zoho</source>
        <translation>Obteniendo un código de inicio de sesión de Zoho</translation>
    </message>
    <message>
        <source>Waiting for the approval on the other device</source>
        <translation>Esperando la aprobación en el otro dispositivo</translation>
    </message>
    <message>
        <source>Exchanging the code with Zoho</source>
        <translation>Intercambiando el código con Zoho</translation>
    </message>
    <message>
        <source>Checking the account and keeping the sign-in</source>
        <translation>Comprobando la cuenta y guardando el inicio de sesión</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>next</source>
        <translation>después</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out of the account “%1”? zvdesk tells Zoho to revoke this sign-in and removes it from the system keyring.</source>
        <translation>¿Desea cerrar la sesión de la cuenta «%1»? zvdesk pide a Zoho que revoque este inicio de sesión y lo quita del llavero del sistema.</translation>
    </message>
    <message>
        <source>Also &amp;delete this account&apos;s messages, outbox and drafts on this computer</source>
        <translation>También &amp;eliminar de este equipo los mensajes, la bandeja de salida y los borradores de esta cuenta</translation>
    </message>
    <message>
        <source>Delete the local messages</source>
        <translation>Eliminar los mensajes locales</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del cuadro de diálogo</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
</context>
<context>
    <name>SignedOutBanner</name>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Sign-in state</source>
        <translation>Estado del inicio de sesión</translation>
    </message>
    <message>
        <source>Sign &amp;in again</source>
        <translation>Volver a &amp;iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Volver a iniciar sesión</translation>
    </message>
    <message>
        <source>Read-only: Zoho no longer accepts this sign-in (it was revoked or expired). Your outbox, drafts and messages are kept; sending resumes after you sign in again.</source>
        <translation>Solo lectura: Zoho ya no acepta este inicio de sesión (se revocó o caducó). Se conservan su bandeja de salida, sus borradores y sus mensajes; el envío se reanuda cuando vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Read-only: you are not signed in to Zoho. Sign in to send and to get new messages; the conversations kept on this computer stay readable.</source>
        <translation>Solo lectura: no ha iniciado sesión en Zoho. Inicie sesión para enviar y recibir mensajes nuevos; las conversaciones guardadas en este equipo se pueden seguir leyendo.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>Posponer hasta</translation>
    </message>
    <message>
        <source>Wake-up time</source>
        <translation>Hora de vuelta</translation>
    </message>
    <message>
        <source>Wakes up</source>
        <translation>Vuelve</translation>
    </message>
    <message>
        <source>Back in your list on %1</source>
        <translation>Vuelve a tu lista el %1</translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>No entregado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Zoho Voice status: %1</source>
        <translation>Estado en Zoho Voice: %1</translation>
    </message>
    <message>
        <source>The customer&apos;s carrier could not deliver it: the phone may be off or out of coverage, or the number may not take text messages.</source>
        <translation>El operador del cliente no pudo entregarlo: el teléfono puede estar apagado o sin cobertura, o el número puede no admitir mensajes de texto.</translation>
    </message>
    <message>
        <source>The phone could not be reached before the message expired.</source>
        <translation>No se pudo contactar con el teléfono antes de que el mensaje caducara.</translation>
    </message>
    <message>
        <source>The carrier reported that it was not delivered.</source>
        <translation>El operador indicó que no se entregó.</translation>
    </message>
</context>
<context>
    <name>SwitcherModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n no leído</numerusform>
            <numerusform>%n no leídos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync state icon</source>
        <translation>Icono del estado de sincronización</translation>
    </message>
    <message>
        <source>A picture of the sync state</source>
        <translation>Una imagen del estado de sincronización</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Estado de sincronización</translation>
    </message>
    <message>
        <source>Whether zvdesk is connected</source>
        <translation>Si zvdesk está conectado</translation>
    </message>
    <message>
        <source>Connection and synchronisation status</source>
        <translation>Estado de la conexión y la sincronización</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>falta menos de un minuto</translation>
    </message>
    <message>
        <source>about a minute left</source>
        <translation>falta alrededor de un minuto</translation>
    </message>
    <message>
        <source>about %1 minutes left</source>
        <translation>faltan unos %1 minutos</translation>
    </message>
    <message>
        <source>about %1 hours left</source>
        <translation>faltan unas %1 horas</translation>
    </message>
    <message>
        <source>about %1 days left</source>
        <translation>faltan unos %1 días</translation>
    </message>
    <message>
        <source>last synced just now</source>
        <translation>sincronizado hace un momento</translation>
    </message>
    <message numerus="yes">
        <source>last synced %n min ago</source>
        <translation>
            <numerusform>sincronizado hace %n min</numerusform>
            <numerusform>sincronizado hace %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>last synced %1</source>
        <translation>última sincronización: %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Syncing history: %1 of %2</source>
        <translation>Sincronizando el historial: %1 de %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Sync status: %1</source>
        <translation>Estado de sincronización: %1</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to zvdesk</source>
        <translation>Bienvenido a zvdesk</translation>
    </message>
    <message>
        <source>Text your customers from the desktop through your organisation&apos;s Zoho Voice numbers.</source>
        <translation>Escriba a sus clientes desde el escritorio con los números de Zoho Voice de su organización.</translation>
    </message>
    <message>
        <source>&amp;Sign in to Zoho Voice</source>
        <translation>&amp;Iniciar sesión en Zoho Voice</translation>
    </message>
    <message>
        <source>Sign in to Zoho Voice</source>
        <translation>Iniciar sesión en Zoho Voice</translation>
    </message>
    <message>
        <source>With your Zoho account: your conversations, your numbers, real customers.</source>
        <translation>Con su cuenta de Zoho: sus conversaciones, sus números, clientes reales.</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>&amp;Probar la demostración</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Without an account: simulated customers on a built-in test server, to learn the app. Nothing you send leaves this computer.</source>
        <translation>Sin cuenta: clientes simulados en un servidor de pruebas integrado, para aprender a usar la aplicación. Nada de lo que envíe sale de este equipo.</translation>
    </message>
</context>
</TS>
