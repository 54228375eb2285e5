<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AccountController</name>
    <message>
        <source>zvdesk — %1</source>
        <translation>zvdesk — %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>ال&amp;حساب</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;تسجيل الدخول…</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>إ&amp;ضافة حساب…</translation>
    </message>
    <message>
        <source>S&amp;witch account</source>
        <translation>تب&amp;ديل الحساب</translation>
    </message>
    <message>
        <source>Switch account</source>
        <translation>تبديل الحساب</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>تسجيل ال&amp;خروج…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <source>Zoho no longer accepts this account&apos;s sign-in. Sign in again: your outbox, drafts and messages are kept.</source>
        <translation>لم تعد Zoho تقبل تسجيل الدخول لهذا الحساب. سجّل الدخول مجددًا: صندوق الصادر والمسودات والرسائل محفوظة.</translation>
    </message>
    <message>
        <source>Signed out here, but Zoho could not be told. Remove zvdesk under Connected Apps in your Zoho account to revoke it there.</source>
        <translation>سُجّل الخروج هنا، لكن تعذّر إبلاغ Zoho. أزِل zvdesk من «التطبيقات المتصلة» (Connected Apps) في حسابك على Zoho لإلغاء الوصول هناك.</translation>
    </message>
</context>
<context>
    <name>AnnounceDialog</name>
    <message>
        <source>Recipients</source>
        <translation>المستلمون</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>ملفات CSV (*.csv *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 is larger than 20 MB.</source>
        <translation>حجم %1 أكبر من 20 ميغابايت.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>تعذرت قراءة %1.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: save it as CSV UTF-8 and choose it again.</source>
        <translation>%1 ليس نصًا بترميز UTF-8: احفظه بصيغة CSV UTF-8 واختره مرة أخرى.</translation>
    </message>
    <message>
        <source>%1 has no recipients: a header row, then one customer a line.</source>
        <translation>لا يحتوي %1 على مستلمين: صف عناوين، ثم عميل في كل سطر.</translation>
    </message>
    <message>
        <source>Choose a time at least five minutes from now to send later.</source>
        <translation>اختر وقتًا بعد خمس دقائق على الأقل من الآن للإرسال لاحقًا.</translation>
    </message>
    <message>
        <source>No recipient is left to send to.</source>
        <translation>لم يبقَ أي مستلم للإرسال إليه.</translation>
    </message>
    <message>
        <source>This announcement is no longer in the outbox.</source>
        <translation>لم يعد هذا الإعلان في صندوق الصادر.</translation>
    </message>
    <message>
        <source>Choose the recipients and write the message.</source>
        <translation>اختر المستلمين واكتب الرسالة.</translation>
    </message>
    <message>
        <source>Write the message.</source>
        <translation>اكتب الرسالة.</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>حُفظ التقرير في %1.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>إعلان</translation>
    </message>
    <message>
        <source>Write the announcement</source>
        <translation>كتابة الإعلان</translation>
    </message>
    <message>
        <source>From a C&amp;SV file</source>
        <translation>من ملف C&amp;SV</translation>
    </message>
    <message>
        <source>From the c&amp;hat list</source>
        <translation>من قائمة المح&amp;ادثات</translation>
    </message>
    <message>
        <source>&amp;Pasted numbers</source>
        <translation>أرقام م&amp;لصقة</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>اختيار م&amp;لف…</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>اختيار ملف CSV</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>ملف CSV</translation>
    </message>
    <message>
        <source>A header row, then one customer a line; the number column is called number, phone, mobile or to.</source>
        <translation>صف عناوين، ثم عميل في كل سطر؛ عمود الرقم اسمه number أو phone أو mobile أو to.</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>أول صفوف الملف</translation>
    </message>
    <message>
        <source>Customers from the chat list</source>
        <translation>عملاء من قائمة المحادثات</translation>
    </message>
    <message>
        <source>Pasted numbers</source>
        <translation>أرقام ملصقة</translation>
    </message>
    <message>
        <source>One number a line, e.g. +1 415 555 0100</source>
        <translation>رقم في كل سطر، مثل ‎+1 415 555 0100</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>ال&amp;رسالة:</translation>
    </message>
    <message>
        <source>Insert a merge field</source>
        <translation>إدراج حقل دمج</translation>
    </message>
    <message>
        <source>Each customer&apos;s own value goes where the field is</source>
        <translation>توضع قيمة كل عميل مكان الحقل</translation>
    </message>
    <message>
        <source>e.g. Hi {name}, our service is down until 3 pm. Sorry for the trouble.</source>
        <translation>مثلًا: مرحبًا {name}، خدمتنا متوقفة حتى الساعة 3 مساءً. نعتذر عن الإزعاج.</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>الإرسال من</translation>
    </message>
    <message>
        <source>The account&apos;s default number</source>
        <translation>الرقم الافتراضي للحساب</translation>
    </message>
    <message>
        <source> a minute</source>
        <translation> في الدقيقة</translation>
    </message>
    <message>
        <source>Pace, messages a minute</source>
        <translation>الوتيرة، رسائل في الدقيقة</translation>
    </message>
    <message>
        <source>Outside the customer&apos;s send window</source>
        <translation>خارج نافذة الإرسال لدى العميل</translation>
    </message>
    <message>
        <source>Wait for the customer&apos;s morning</source>
        <translation>انتظار صباح العميل</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>تخطيهم</translation>
    </message>
    <message>
        <source>Send &amp;later:</source>
        <translation>الإرسال لا&amp;حقًا:</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>الإرسال لاحقًا</translation>
    </message>
    <message>
        <source>Send at, your local time</source>
        <translation>وقت الإرسال، بتوقيتك المحلي</translation>
    </message>
    <message>
        <source>Send &amp;from:</source>
        <translation>الإرسال &amp;من:</translation>
    </message>
    <message>
        <source>P&amp;ace:</source>
        <translation>الو&amp;تيرة:</translation>
    </message>
    <message>
        <source>Outside their &amp;window:</source>
        <translation>خارج &amp;نافذتهم:</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>ما سيُرسل</translation>
    </message>
    <message>
        <source>Skipped recipients</source>
        <translation>المستلمون الذين تم تخطيهم</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send the announcement</source>
        <translation>إرسال الإعلان</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>&amp;Last announcement…</source>
        <translation>آ&amp;خر إعلان…</translation>
    </message>
    <message>
        <source>Show the last announcement and its report</source>
        <translation>عرض آخر إعلان وتقريره</translation>
    </message>
    <message>
        <source>Before sending</source>
        <translation>قبل الإرسال</translation>
    </message>
    <message>
        <source>Insert a field…</source>
        <translation>إدراج حقل…</translation>
    </message>
    <message>
        <source>%1: one customer</source>
        <translation>%1: عميل واحد</translation>
    </message>
    <message>
        <source>%1: %2 customers</source>
        <translation>%1: عدد العملاء %2</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>بحاجة إلى رد</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>بانتظار العميل</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>Reading the chat list…</source>
        <translation>جارٍ قراءة قائمة المحادثات…</translation>
    </message>
    <message>
        <source>Customers matching the chat list&apos;s search “%1”: %2.</source>
        <translation>العملاء المطابقون لبحث قائمة المحادثات “%1”: %2.</translation>
    </message>
    <message>
        <source>Customers in the chat list&apos;s “%1” filter: %2.</source>
        <translation>العملاء في عامل تصفية “%1” بقائمة المحادثات: %2.</translation>
    </message>
    <message>
        <source>Customers of the whole chat list: %2.</source>
        <translation>عملاء قائمة المحادثات كلها: %2.</translation>
    </message>
    <message>
        <source>Recipients: %1. SMS segments: %2.</source>
        <translation>المستلمون: %1. مقاطع SMS: %2.</translation>
    </message>
    <message>
        <source>Outside their send window (%1) then, so moved to their morning: %2.</source>
        <translation>خارج نافذة الإرسال لديهم (%1) في ذلك الوقت، لذا نُقلوا إلى صباحهم: %2.</translation>
    </message>
    <message>
        <source>Outside their send window (%1) now, so waiting for their morning: %2.</source>
        <translation>خارج نافذة الإرسال لديهم (%1) الآن، لذا ينتظرون صباحهم: %2.</translation>
    </message>
    <message>
        <source>The first message: “%1”</source>
        <translation>الرسالة الأولى: “%1”</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>رقم غير صالح</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>مكرر</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>ألغى الاشتراك</translation>
    </message>
    <message>
        <source>quiet hours</source>
        <translation>ساعات الهدوء</translation>
    </message>
    <message>
        <source>missing field</source>
        <translation>حقل ناقص</translation>
    </message>
    <message>
        <source>Skipped: %1 (%2).</source>
        <translation>تم تخطي: %1 (%2).</translation>
    </message>
    <message>
        <source>The pace is lowered to %1 a minute: polling shares the account&apos;s request budget.</source>
        <translation>خُفضت الوتيرة إلى %1 في الدقيقة: المزامنة تتقاسم حد طلبات الحساب.</translation>
    </message>
    <message>
        <source>“%1” is added at the end.</source>
        <translation>تُضاف “%1” في النهاية.</translation>
    </message>
    <message>
        <source>Send to 1 customer</source>
        <translation>إرسال إلى عميل واحد</translation>
    </message>
    <message>
        <source>Send to %1 customers</source>
        <translation>إرسال إلى العملاء (%1)</translation>
    </message>
    <message>
        <source>about %1 h</source>
        <translation>نحو %1 س</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>نحو %1 د</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>أقل من دقيقة</translation>
    </message>
    <message>
        <source>Takes %1 at %2 a minute.</source>
        <translation>يستغرق %1 بمعدل %2 في الدقيقة.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation>سبب التخطي</translation>
    </message>
    <message>
        <source>Queueing the announcement…</source>
        <translation>جارٍ وضع الإعلان في قائمة الانتظار…</translation>
    </message>
    <message>
        <source>Announcement progress</source>
        <translation>تقدم الإعلان</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Sent, delivered, failed, skipped</source>
        <translation>المرسلة، المسلّمة، الفاشلة، المتخطاة</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>إي&amp;قاف مؤقت</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>ا&amp;ستئناف</translation>
    </message>
    <message>
        <source>&amp;Cancel the announcement</source>
        <translation>إ&amp;لغاء الإعلان</translation>
    </message>
    <message>
        <source>Save the &amp;report…</source>
        <translation>حفظ ال&amp;تقرير…</translation>
    </message>
    <message>
        <source>&amp;New announcement</source>
        <translation>إعلان &amp;جديد</translation>
    </message>
    <message>
        <source>Announcement: “%1”</source>
        <translation>الإعلان: “%1”</translation>
    </message>
    <message>
        <source>Cancelled: %1 not sent.</source>
        <translation>أُلغي: لم تُرسل %1.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>اكتمل.</translation>
    </message>
    <message>
        <source>Paused: %1 waiting.</source>
        <translation>متوقف مؤقتًا: %1 بالانتظار.</translation>
    </message>
    <message>
        <source>Scheduling with Zoho at %1 a minute: %2 to go.</source>
        <translation>جارٍ الجدولة لدى Zoho بمعدل %1 في الدقيقة: متبقٍ %2.</translation>
    </message>
    <message>
        <source>Sending at %1 a minute: %2 to go.</source>
        <translation>جارٍ الإرسال بمعدل %1 في الدقيقة: متبقٍ %2.</translation>
    </message>
    <message>
        <source>Customers outside their send window (%1) wait for their morning.</source>
        <translation>العملاء خارج نافذة الإرسال لديهم (%1) ينتظرون صباحهم.</translation>
    </message>
    <message>
        <source>Customers outside their send window (%1) are skipped.</source>
        <translation>العملاء خارج نافذة الإرسال لديهم (%1) يُتخطَّون.</translation>
    </message>
    <message>
        <source>Sent %1 · delivered %2 · failed %3 · skipped %4</source>
        <translation>أُرسل %1 · سُلّم %2 · فشل %3 · تُخطي %4</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Profile %1 is open in another zvdesk, so it stays there: one zvdesk at a time sends from a profile&apos;s outbox.</source>
        <translation>الملف الشخصي %1 مفتوح في نسخة أخرى من zvdesk، لذا يبقى هناك: ترسل نسخة واحدة فقط من zvdesk من صندوق الصادر لملف شخصي في كل مرة.</translation>
    </message>
    <message>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message>
        <source>zvdesk could not start: %1</source>
        <translation>تعذّر بدء zvdesk: %1</translation>
    </message>
    <message>
        <source>This profile is already open in another zvdesk (%1). One zvdesk at a time sends from a profile&apos;s outbox: use that one, or close it and try again.</source>
        <translation>هذا الملف الشخصي مفتوح بالفعل في نسخة أخرى من zvdesk (%1). ترسل نسخة واحدة فقط من zvdesk من صندوق الصادر لملف شخصي في كل مرة: استخدم تلك النسخة، أو أغلقها وحاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Attachment</source>
        <translation>مرفق</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>نوع الملف</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>إزالة المرفق</translation>
    </message>
    <message>
        <source>Removes the file from the message</source>
        <translation>يزيل الملف من الرسالة</translation>
    </message>
    <message>
        <source>{name}, {size}</source>
        <translation>{name}، {size}</translation>
    </message>
    <message>
        <source>Removes {name} from the message</source>
        <translation>يزيل {name} من الرسالة</translation>
    </message>
</context>
<context>
    <name>BrowserPage</name>
    <message>
        <source>Sign in with the browser</source>
        <translation>تسجيل الدخول عبر المتصفح</translation>
    </message>
    <message>
        <source>Your browser opens Zoho&apos;s sign-in page. Approve access there; when the page says you are signed in, return to zvdesk.</source>
        <translation>يفتح متصفحك صفحة تسجيل الدخول في Zoho. وافق على منح الوصول هناك، وعندما تُظهر الصفحة أنك سجّلت الدخول، عُد إلى zvdesk.</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>تسجيل الدخول عبر ال&amp;متصفح</translation>
    </message>
    <message>
        <source>Waiting for you to approve in the browser… If it did not open, copy the link into a browser on this computer.</source>
        <translation>في انتظار موافقتك في المتصفح… إن لم يُفتح، فانسخ الرابط إلى متصفح على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Sign-in link</source>
        <translation>رابط تسجيل الدخول</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;نسخ الرابط</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation>نسخ رابط تسجيل الدخول</translation>
    </message>
    <message>
        <source>&amp;Open again</source>
        <translation>&amp;فتح مجددًا</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>فتح صفحة تسجيل الدخول مجددًا</translation>
    </message>
</context>
<context>
    <name>CannedDefaults</name>
    <message>
        <source>Hi {name}, this is {agent}. How can I help you today?</source>
        <translation>مرحبًا {name}، معك {agent}. كيف يمكنني مساعدتك اليوم؟</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>تحية</translation>
    </message>
    <message>
        <source>Thanks for your patience, {name}. I am looking into this now and will get back to you shortly.</source>
        <translation>شكرًا على صبرك يا {name}. أتحقق من الأمر الآن وسأعود إليك قريبًا.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>يرجى الانتظار</translation>
    </message>
    <message>
        <source>Would it help if we called you? We can reach you on {number}.</source>
        <translation>هل يفيدك أن نتصل بك؟ يمكننا الاتصال بك على {number}.</translation>
    </message>
    <message>
        <source>Offer a call</source>
        <translation>عرض اتصال هاتفي</translation>
    </message>
    <message>
        <source>Thank you, {name}! Is there anything else I can help with?</source>
        <translation>شكرًا لك يا {name}! هل هناك أي شيء آخر يمكنني مساعدتك فيه؟</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>شكر</translation>
    </message>
    <message>
        <source>Glad I could help. Have a great day!</source>
        <translation>سعدت بمساعدتك. أتمنى لك يومًا رائعًا!</translation>
    </message>
    <message>
        <source>Goodbye</source>
        <translation>وداع</translation>
    </message>
</context>
<context>
    <name>CannedDialog</name>
    <message>
        <source>Canned responses</source>
        <translation>الردود الجاهزة</translation>
    </message>
    <message>
        <source>Select a response to edit it</source>
        <translation>اختر ردًا لتعديله</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <source>Filter canned responses</source>
        <translation>تصفية الردود الجاهزة</translation>
    </message>
    <message>
        <source>Shows responses matching the text typed</source>
        <translation>يعرض الردود المطابقة للنص المكتوب</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <source>The word typed after a slash in the composer, e.g. hi for /hi</source>
        <translation>الكلمة التي تُكتب بعد الشرطة المائلة في محرر الرسائل، مثل hi للاختصار ‎/hi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>A short description (optional)</source>
        <translation>وصف قصير (اختياري)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>The message; placeholders such as {name} and {agent} are filled in when inserted</source>
        <translation>الرسالة؛ تُملأ العناصر النائبة مثل {name} و{agent} عند الإدراج</translation>
    </message>
    <message>
        <source>Placeholders: %1. Write {{ and }} for braces.</source>
        <translation>العناصر النائبة: %1. اكتب {{ و}} للأقواس.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>The outcome of the last action</source>
        <translation>نتيجة آخر إجراء</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;جديد</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>ح&amp;ذف</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>Start a new canned response</source>
        <translation>إنشاء رد جاهز جديد</translation>
    </message>
    <message>
        <source>Save the response being edited</source>
        <translation>حفظ الرد الجاري تعديله</translation>
    </message>
    <message>
        <source>Delete the selected response</source>
        <translation>حذف الرد المحدد</translation>
    </message>
    <message>
        <source>Add responses from a JSON file</source>
        <translation>إضافة ردود من ملف JSON</translation>
    </message>
    <message>
        <source>Save all responses to a JSON file</source>
        <translation>حفظ كل الردود في ملف JSON</translation>
    </message>
    <message>
        <source>S&amp;hortcut:</source>
        <translation>الا&amp;ختصار:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>ال&amp;نص:</translation>
    </message>
    <message>
        <source>Saved /%1. These placeholders have no value and must be typed over before sending: %2</source>
        <translation>تم حفظ /%1. هذه العناصر النائبة بلا قيمة ويجب استبدالها قبل الإرسال: %2</translation>
    </message>
    <message>
        <source>Saved /%1.</source>
        <translation>حُفظ ‎/%1.</translation>
    </message>
    <message>
        <source>Deleted /%1.</source>
        <translation>حُذف ‎/%1.</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>لم يُستورد أي شيء. %1</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 replaced, %3 skipped.</source>
        <translation>الاستيراد: أُضيف %1، واستُبدل %2، وتُخطي %3.</translation>
    </message>
    <message>
        <source>Unknown placeholders in: %1</source>
        <translation>عناصر نائبة غير معروفة في: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>فشل التصدير: %1</translation>
    </message>
    <message>
        <source>Exported %1 responses.</source>
        <translation>صُدّرت %1 من الردود.</translation>
    </message>
    <message>
        <source>Import canned responses</source>
        <translation>استيراد الردود الجاهزة</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>ملفات JSON (*.json)</translation>
    </message>
    <message>
        <source>Export canned responses</source>
        <translation>تصدير الردود الجاهزة</translation>
    </message>
    <message>
        <source>Replace canned response?</source>
        <translation>استبدال الرد الجاهز؟</translation>
    </message>
    <message>
        <source>/%1 already exists. Replace it with the new text?</source>
        <translation>‎/%1 موجود بالفعل. هل تريد استبداله بالنص الجديد؟</translation>
    </message>
    <message>
        <source>Delete canned response?</source>
        <translation>حذف الرد الجاهز؟</translation>
    </message>
    <message>
        <source>Delete /%1?</source>
        <translation>حذف ‎/%1؟</translation>
    </message>
</context>
<context>
    <name>CannedPopup</name>
    <message>
        <source>Canned responses</source>
        <translation>الردود الجاهزة</translation>
    </message>
    <message>
        <source>Press Enter to insert the selected response</source>
        <translation>اضغط Enter لإدراج الرد المحدد</translation>
    </message>
    <message>
        <source>Filter canned responses</source>
        <translation>تصفية الردود الجاهزة</translation>
    </message>
    <message>
        <source>Type a shortcut; Up and Down choose, Enter inserts, Escape closes</source>
        <translation>اكتب اختصارًا؛ السهمان لأعلى ولأسفل للاختيار، وEnter للإدراج، وEscape للإغلاق</translation>
    </message>
    <message>
        <source>No canned response matches.</source>
        <translation>لا يوجد رد جاهز مطابق.</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا توجد نتائج</translation>
    </message>
    <message>
        <source>Shown when no canned response matches</source>
        <translation>يظهر عندما لا يطابق أي رد جاهز</translation>
    </message>
    <message>
        <source>Choose a canned response to insert</source>
        <translation>اختر ردًا جاهزًا لإدراجه</translation>
    </message>
</context>
<context>
    <name>ChatListController</name>
    <message>
        <source>Searching the server…</source>
        <translation>جارٍ البحث في الخادم…</translation>
    </message>
    <message>
        <source>The server search failed: %1</source>
        <translation>فشل البحث في الخادم: %1</translation>
    </message>
    <message>
        <source>No conversation matches.</source>
        <translation>لا توجد محادثة مطابقة.</translation>
    </message>
</context>
<context>
    <name>ChatListDelegate</name>
    <message>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>ألغى الاشتراك</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <source>pinned</source>
        <translation>مثبتة</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>ألغى الاشتراك</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>لا رسائل غير مقروءة</numerusform>
            <numerusform>رسالة واحدة غير مقروءة</numerusform>
            <numerusform>رسالتان غير مقروءتين</numerusform>
            <numerusform>%n رسائل غير مقروءة</numerusform>
            <numerusform>%n رسالة غير مقروءة</numerusform>
            <numerusform>%n رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <source>marked unread</source>
        <translation>معلّمة كغير مقروءة</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>last message (sent): %1</source>
        <translation>آخر رسالة (مُرسلة): %1</translation>
    </message>
    <message>
        <source>last message: %1</source>
        <translation>آخر رسالة: %1</translation>
    </message>
</context>
<context>
    <name>ChatListView</name>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Sign in with a Self Client code</source>
        <translation>تسجيل الدخول برمز Self Client</translation>
    </message>
    <message>
        <source>In the Zoho API console, open your Self Client, choose Generate Code with the scopes %1, and paste the code here within a few minutes.</source>
        <translation>في وحدة تحكم Zoho API، افتح Self Client الخاص بك، واختر Generate Code مع النطاقات %1، ثم الصق الرمز هنا خلال بضع دقائق.</translation>
    </message>
    <message>
        <source>Self Client code</source>
        <translation>رمز Self Client</translation>
    </message>
    <message>
        <source>Paste the code</source>
        <translation>الصق الرمز</translation>
    </message>
    <message>
        <source>Sign in with this &amp;code</source>
        <translation>تسجيل الدخول بهذا ال&amp;رمز</translation>
    </message>
    <message>
        <source>Sign in with this code</source>
        <translation>تسجيل الدخول بهذا الرمز</translation>
    </message>
</context>
<context>
    <name>CollisionNotice</name>
    <message>
        <source>Collision notice</source>
        <translation>تنبيه الرد المتزامن</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>تجاهل التنبيه</translation>
    </message>
    <message>
        <source>Hides the notice that someone else replied</source>
        <translation>يخفي التنبيه بأن شخصًا آخر ردّ</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>Another agent</source>
        <translation>وكيل آخر</translation>
    </message>
    <message>
        <source>{agent} replied in this conversation while you were typing</source>
        <translation>ردّ {agent} في هذه المحادثة أثناء كتابتك</translation>
    </message>
</context>
<context>
    <name>ComplianceBar</name>
    <message>
        <source>Compliance</source>
        <translation>الامتثال</translation>
    </message>
    <message>
        <source>Mark as opted out</source>
        <translation>وضع علامة إلغاء الاشتراك</translation>
    </message>
    <message>
        <source>Undo opt-out</source>
        <translation>التراجع عن إلغاء الاشتراك</translation>
    </message>
    <message>
        <source>This customer is blocked in Zoho Voice.</source>
        <translation>هذا العميل محظور في Zoho Voice.</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>أحد الموظفين</translation>
    </message>
    <message>
        <source>Opted out by hand by %1 on %2.</source>
        <translation>ألغى %1 الاشتراك يدويًا في %2.</translation>
    </message>
    <message>
        <source>The customer replied “%1” on %2 and may not be texted.</source>
        <translation>ردّ العميل «%1» في %2 ولا يجوز مراسلته.</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>ألغى الاشتراك</translation>
    </message>
    <message>
        <source>The customer wrote “%1”: they may want no more texts.</source>
        <translation>كتب العميل «%1»: قد لا يريد رسائل أخرى.</translation>
    </message>
    <message>
        <source>The customer asked for help (HELP).</source>
        <translation>طلب العميل المساعدة (HELP).</translation>
    </message>
</context>
<context>
    <name>ComplianceController</name>
    <message>
        <source>It will be %1 for this customer when it goes out.</source>
        <translation>ستكون الساعة %1 لدى هذا العميل عند الإرسال.</translation>
    </message>
    <message>
        <source>It is %1 for this customer.</source>
        <translation>الساعة %1 لدى هذا العميل.</translation>
    </message>
    <message>
        <source>Outside the send window</source>
        <translation>خارج وقت الإرسال</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>أرسل الآن</translation>
    </message>
    <message>
        <source>Keep that time</source>
        <translation>الإبقاء على ذلك الوقت</translation>
    </message>
    <message>
        <source>Schedule for %1 their time</source>
        <translation>جدولة للساعة %1 بتوقيته</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach a file</source>
        <translation>إرفاق ملف</translation>
    </message>
    <message>
        <source>Message composer</source>
        <translation>محرر الرسائل</translation>
    </message>
    <message>
        <source>Internal note: only your team sees it; it is never sent to the customer.</source>
        <translation>ملاحظة داخلية: يراها فريقك فقط ولا تُرسل إلى العميل أبدًا.</translation>
    </message>
    <message>
        <source>Internal note mode</source>
        <translation>وضع الملاحظة الداخلية</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Message problem</source>
        <translation>مشكلة في الرسالة</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>إرفاق ملف (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Chooses one file to send as MMS; you can also drop or paste a file or image</source>
        <translation>يختار ملفًا واحدًا لإرساله كرسالة MMS؛ يمكنك أيضًا إفلات ملف أو صورة أو لصقهما</translation>
    </message>
    <message>
        <source>Schedule (Ctrl+Shift+S)</source>
        <translation>جدولة (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>جدولة</translation>
    </message>
    <message>
        <source>Shows the date, time and time zone to send the message at</source>
        <translation>يعرض التاريخ والوقت والمنطقة الزمنية لإرسال الرسالة</translation>
    </message>
    <message>
        <source>Message length</source>
        <translation>طول الرسالة</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
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
        <translation>Enter للإرسال، وShift+Enter لسطر جديد</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter starts a new line</source>
        <translation>Ctrl+Enter للإرسال، وEnter لسطر جديد</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>اكتب رسالة…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>ملاحظة داخلية</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>تعذّر حفظ الصورة الملصقة.</translation>
    </message>
    <message>
        <source>Open a conversation to send a message.</source>
        <translation>افتح محادثة لإرسال رسالة.</translation>
    </message>
    <message>
        <source>Replace %1 with the right words before sending (Tab selects each one).</source>
        <translation>استبدل %1 بالكلمات المناسبة قبل الإرسال (يحدد مفتاح Tab كل واحد منها).</translation>
    </message>
    <message>
        <source>%1 (%2) is not in the future: choose a later time.</source>
        <translation>%1 (%2) ليس في المستقبل: اختر وقتًا لاحقًا.</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>حرف واحد</translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters</source>
        <translation>
            <numerusform>%Ln حرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%Ln أحرف</numerusform>
            <numerusform>%Ln حرفًا</numerusform>
            <numerusform>%Ln حرف</numerusform>
        </translation>
    </message>
    <message>
        <source>{characters} · {encoding} · {parts} SMS ({left} left)</source>
        <translation>{characters} · {encoding} · {parts} SMS (المتبقي {left})</translation>
    </message>
    <message>
        <source>Sends the message to the customer</source>
        <translation>يرسل الرسالة إلى العميل</translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message>
        <source>an agent</source>
        <translation>أحد الموظفين</translation>
    </message>
    <message>
        <source>That conversation is no longer in the cache.</source>
        <translation>لم تعد تلك المحادثة موجودة في ذاكرة التخزين المؤقت.</translation>
    </message>
    <message>
        <source>Could not read the cache: %1</source>
        <translation>تعذّرت قراءة ذاكرة التخزين المؤقت: %1</translation>
    </message>
    <message>
        <source>The message was not sent: %1</source>
        <translation>لم تُرسل الرسالة: %1</translation>
    </message>
    <message>
        <source>Sending it again.</source>
        <translation>تتم إعادة الإرسال.</translation>
    </message>
    <message>
        <source>A note needs a conversation with messages.</source>
        <translation>تحتاج الملاحظة إلى محادثة فيها رسائل.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>لم تُحفظ الملاحظة: %1</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Attachment: %1</source>
        <translation>مرفق: %1</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>لم يُسلَّم: %1</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>إعادة الإرسال</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Check…</source>
        <translation>تحقق…</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>مرفق</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Conversation with</source>
        <translation>محادثة مع</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>مثبتة</translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation>بيانات العميل</translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation>لا توجد محادثة مفتوحة</translation>
    </message>
    <message>
        <source>Resolved by %1</source>
        <translation>حلّها %1</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>مؤجلة حتى %1</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>بانتظار العميل</translation>
    </message>
    <message>
        <source>Needs reply</source>
        <translation>تحتاج إلى رد</translation>
    </message>
    <message>
        <source>%1 their time</source>
        <translation>%1 بتوقيته المحلي</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>عبر %1</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>Scheduled</source>
        <translation>المجدولة</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Scheduled for %1 (%2)</source>
        <translation>مجدولة في %1 (%2)</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>مجدولة في %1</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>في انتظار الإرسال</translation>
    </message>
    <message>
        <source>Not sent yet, trying again</source>
        <translation>لم يُرسَل بعد، ستُعاد المحاولة</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Not sure it was sent: checking</source>
        <translation>غير مؤكد إن كانت قد أُرسلت: جارٍ التحقق</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>لم تُرسل</translation>
    </message>
    <message>
        <source>Needs a look: did it arrive?</source>
        <translation>يحتاج إلى مراجعة: هل وصلت؟</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>سُلّمت</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>لم تُسلّم</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>انتهت صلاحيتها</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشلت</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>ملاحظة داخلية</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>لا مرفقات</numerusform>
            <numerusform>مرفق واحد</numerusform>
            <numerusform>مرفقان</numerusform>
            <numerusform>%n مرفقات</numerusform>
            <numerusform>%n مرفقًا</numerusform>
            <numerusform>%n مرفق</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation>لا توجد محادثة مفتوحة</translation>
    </message>
    <message>
        <source>No conversation open.

Choose one in the list, or:
Ctrl+K  find a conversation by name or number
Ctrl+N  start a new conversation
Alt+↓  the next conversation    Alt+Shift+↓  the next unread
Ctrl+/  all shortcuts</source>
        <translation>لا محادثة مفتوحة.

اختر واحدة من القائمة، أو:
Ctrl+K  ابحث عن محادثة بالاسم أو الرقم
Ctrl+N  ابدأ محادثة جديدة
Alt+↓  المحادثة التالية    Alt+Shift+↓  التالية غير المقروءة
Ctrl+/  كل الاختصارات</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>نسخ عنوان الرابط</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>فتح المرفق</translation>
    </message>
    <message>
        <source>Save attachment…</source>
        <translation>حفظ المرفق…</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>إعادة الإرسال</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>إعادة محاولة الإرسال</translation>
    </message>
    <message>
        <source>Did it arrive? Check…</source>
        <translation>هل وصلت؟ تحقق…</translation>
    </message>
    <message numerus="yes">
        <source>Jump to newest (%n new)</source>
        <translation>
            <numerusform>الانتقال إلى الأحدث</numerusform>
            <numerusform>الانتقال إلى الأحدث (رسالة جديدة)</numerusform>
            <numerusform>الانتقال إلى الأحدث (رسالتان جديدتان)</numerusform>
            <numerusform>الانتقال إلى الأحدث (%n رسائل جديدة)</numerusform>
            <numerusform>الانتقال إلى الأحدث (%n رسالة جديدة)</numerusform>
            <numerusform>الانتقال إلى الأحدث (%n رسالة جديدة)</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to newest</source>
        <translation>الانتقال إلى الأحدث</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>ملفات نصية (*.txt)</translation>
    </message>
    <message>
        <source>zvdesk ran into a problem</source>
        <translation>واجه zvdesk مشكلة</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>تقرير الخطأ</translation>
    </message>
    <message>
        <source>Something went wrong inside zvdesk. Your drafts and the messages waiting to be sent are kept. You can continue, or quit and start zvdesk again.
The report below has no tokens, phone numbers or message text: copy or save it for a support ticket.</source>
        <translation>حدث خطأ ما داخل zvdesk. مسوداتك والرسائل التي تنتظر الإرسال محفوظة. يمكنك المتابعة، أو إنهاء zvdesk ثم تشغيله مجددًا.
لا يحتوي التقرير أدناه على رموز مميزة (tokens) ولا أرقام هواتف ولا نصوص رسائل: انسخه أو احفظه لإرفاقه بطلب دعم.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>حالة التقرير</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;حفظ التقرير…</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>م&amp;تابعة</translation>
    </message>
    <message>
        <source>&amp;Quit zvdesk</source>
        <translation>إ&amp;نهاء zvdesk</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>نُسخ التقرير إلى الحافظة.</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>لم يُحفظ التقرير: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s) happened since; they are in the log.</source>
        <translation>
            <numerusform>لم تحدث أخطاء أخرى منذ ذلك الحين.</numerusform>
            <numerusform>حدث خطأ آخر منذ ذلك الحين، وتفاصيله في السجل.</numerusform>
            <numerusform>حدث خطآن آخران منذ ذلك الحين، وتفاصيلهما في السجل.</numerusform>
            <numerusform>حدثت %n أخطاء أخرى منذ ذلك الحين، وتفاصيلها في السجل.</numerusform>
            <numerusform>حدث %n خطأً آخر منذ ذلك الحين، وتفاصيلها في السجل.</numerusform>
            <numerusform>حدث %n خطأ آخر منذ ذلك الحين، وتفاصيلها في السجل.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateRangeEdit</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;من</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>إ&amp;لى</translation>
    </message>
    <message>
        <source>Filter from a date</source>
        <translation>التصفية من تاريخ</translation>
    </message>
    <message>
        <source>Show only items on or after a day</source>
        <translation>عرض العناصر في يوم معيّن أو بعده فقط</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>تاريخ البداية</translation>
    </message>
    <message>
        <source>First day to show</source>
        <translation>أول يوم يُعرض</translation>
    </message>
    <message>
        <source>Filter up to a date</source>
        <translation>التصفية حتى تاريخ</translation>
    </message>
    <message>
        <source>Show only items on or before a day</source>
        <translation>عرض العناصر في يوم معيّن أو قبله فقط</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>تاريخ النهاية</translation>
    </message>
    <message>
        <source>Last day to show</source>
        <translation>آخر يوم يُعرض</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>&amp;Calm: a message every 2 minutes</source>
        <translation>&amp;هادئ: رسالة كل دقيقتين</translation>
    </message>
    <message>
        <source>&amp;Busy shift: a message every 30 seconds</source>
        <translation>&amp;وردية مزدحمة: رسالة كل 30 ثانية</translation>
    </message>
    <message>
        <source>&amp;Drill: 6 messages a minute</source>
        <translation>&amp;تدريب: 6 رسائل في الدقيقة</translation>
    </message>
    <message>
        <source>&amp;Rush: 30 messages a minute</source>
        <translation>&amp;ذروة: 30 رسالة في الدقيقة</translation>
    </message>
    <message>
        <source>&amp;Paused: no new messages</source>
        <translation>&amp;متوقف: لا رسائل جديدة</translation>
    </message>
    <message>
        <source>zvdesk — Demo (simulated customers, not your Zoho account)</source>
        <translation>zvdesk — عرض تجريبي (عملاء محاكون، وليس حسابك في Zoho)</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>عرض تجريبي</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>وضع العرض التجريبي</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;عرض تجريبي</translation>
    </message>
    <message>
        <source>Customers &amp;write in</source>
        <translation>العملاء &amp;يراسلون</translation>
    </message>
    <message>
        <source>How often simulated customers write in</source>
        <translation>كم مرة يراسل العملاء المحاكون</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
</context>
<context>
    <name>DemoBand</name>
    <message>
        <source>Demo mode</source>
        <translation>وضع العرض التجريبي</translation>
    </message>
    <message>
        <source>Demo: simulated customers on a built-in test server. Nothing you send here reaches Zoho or a real phone.</source>
        <translation>عرض تجريبي: عملاء محاكون على خادم اختبار مدمج. لا يصل أي شيء ترسله هنا إلى Zoho أو إلى هاتف حقيقي.</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Sign in on another device</source>
        <translation>تسجيل الدخول على جهاز آخر</translation>
    </message>
    <message>
        <source>Sign in on any device with a browser (a phone will do): zvdesk shows a code and an address; open the address, enter the code and approve.</source>
        <translation>سجّل الدخول على أي جهاز فيه متصفح (يكفي الهاتف): يعرض zvdesk رمزًا وعنوانًا؛ افتح العنوان، وأدخل الرمز، ثم وافق.</translation>
    </message>
    <message>
        <source>&amp;Get a code</source>
        <translation>&amp;طلب رمز</translation>
    </message>
    <message>
        <source>Get a sign-in code</source>
        <translation>طلب رمز تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>رمز تسجيل الدخول</translation>
    </message>
    <message>
        <source>Copy c&amp;ode</source>
        <translation>نسخ ال&amp;رمز</translation>
    </message>
    <message>
        <source>Copy the sign-in code</source>
        <translation>نسخ رمز تسجيل الدخول</translation>
    </message>
    <message>
        <source>Address to open</source>
        <translation>العنوان المطلوب فتحه</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>نسخ ال&amp;عنوان</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>نسخ العنوان</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>الوقت المتبقي</translation>
    </message>
    <message>
        <source>The code expires in %1.</source>
        <translation>تنتهي صلاحية الرمز خلال %1.</translation>
    </message>
    <message>
        <source>The code expired.</source>
        <translation>انتهت صلاحية الرمز.</translation>
    </message>
</context>
<context>
    <name>InboxActions</name>
    <message>
        <source>Resolved.</source>
        <translation>تم الحل.</translation>
    </message>
    <message>
        <source>Reopened.</source>
        <translation>أُعيد فتحها.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>اختر وقتًا في المستقبل.</translation>
    </message>
    <message>
        <source>Marked unread.</source>
        <translation>عُلّمت كغير مقروءة.</translation>
    </message>
    <message>
        <source>Unpin a conversation first: at most 5 can be pinned.</source>
        <translation>ألغِ تثبيت محادثة أولًا: يمكن تثبيت 5 محادثات على الأكثر.</translation>
    </message>
    <message>
        <source>That conversation is no longer in the cache.</source>
        <translation>لم تعد تلك المحادثة في ذاكرة التخزين المؤقت.</translation>
    </message>
</context>
<context>
    <name>ListsController</name>
    <message>
        <source>1 row exported to %1</source>
        <translation>صُدِّر صف واحد إلى %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows exported to %1</source>
        <translation>
            <numerusform>لم يُصدَّر أي صف إلى %1</numerusform>
            <numerusform>صُدِّر صف واحد إلى %1</numerusform>
            <numerusform>صُدِّر صفان إلى %1</numerusform>
            <numerusform>صُدِّرت %Ln صفوف إلى %1</numerusform>
            <numerusform>صُدِّر %Ln صفًا إلى %1</numerusform>
            <numerusform>صُدِّر %Ln صف إلى %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The logs could not be exported: %1</source>
        <translation>تعذّر تصدير السجلات: %1</translation>
    </message>
    <message>
        <source>The logs could not be loaded: %1</source>
        <translation>تعذّر تحميل السجلات: %1</translation>
    </message>
</context>
<context>
    <name>Logs</name>
    <message>
        <source>You are signed out.</source>
        <translation>لقد سجّلت الخروج.</translation>
    </message>
</context>
<context>
    <name>LogsModel</name>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>الوكيل</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>واردة</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>صادرة</translation>
    </message>
</context>
<context>
    <name>LogsView</name>
    <message>
        <source>All directions</source>
        <translation>كل الاتجاهات</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>واردة</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>صادرة</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Show incoming, outgoing or all messages</source>
        <translation>عرض الرسائل الواردة أو الصادرة أو كلها</translation>
    </message>
    <message>
        <source>Number or part of it</source>
        <translation>الرقم أو جزء منه</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>رقم العميل</translation>
    </message>
    <message>
        <source>A complete number is searched on the server; part of one filters the list</source>
        <translation>يُبحث عن الرقم الكامل في الخادم؛ وجزء من الرقم يصفّي القائمة</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>ال&amp;رقم:</translation>
    </message>
    <message>
        <source>Number filter error</source>
        <translation>خطأ في تصفية الرقم</translation>
    </message>
    <message>
        <source>Why the number filter is not applied</source>
        <translation>سبب عدم تطبيق تصفية الرقم</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>كل البلدان</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Show only messages of one country</source>
        <translation>عرض رسائل بلد واحد فقط</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;تصدير CSV…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>تصدير إلى CSV</translation>
    </message>
    <message>
        <source>Saves the loaded rows, all columns, to a CSV file</source>
        <translation>يحفظ الصفوف المحمّلة بكل أعمدتها في ملف CSV</translation>
    </message>
    <message>
        <source>Search se&amp;rver</source>
        <translation>البحث في ال&amp;خادم</translation>
    </message>
    <message>
        <source>Search the server</source>
        <translation>البحث في الخادم</translation>
    </message>
    <message>
        <source>Loads the logs for these filters from Zoho Voice instead of this computer</source>
        <translation>يحمّل السجلات المطابقة لعوامل التصفية هذه من Zoho Voice بدلًا من هذا الحاسوب</translation>
    </message>
    <message>
        <source>No messages in the logs for these dates and filters. Widen the dates or clear the filters above; the logs show every message sent and received by the account, newest first.</source>
        <translation>لا رسائل في السجل لهذه التواريخ وعوامل التصفية. وسّع التواريخ أو امسح عوامل التصفية في الأعلى؛ يعرض السجل كل رسالة أرسلها الحساب أو استلمها، الأحدث أولًا.</translation>
    </message>
    <message>
        <source>Message logs</source>
        <translation>سجلات الرسائل</translation>
    </message>
    <message>
        <source>Click a column header to sort by it</source>
        <translation>انقر على عنوان عمود للترتيب حسبه</translation>
    </message>
    <message>
        <source>Type digits only, e.g. +44 7911 123456 or part of a number.</source>
        <translation>اكتب أرقامًا فقط، مثل ‎+44 7911 123456 أو جزءًا من رقم.</translation>
    </message>
    <message>
        <source>Exporting… %1%</source>
        <translation>جارٍ التصدير… %1٪</translation>
    </message>
    <message>
        <source>Export logs</source>
        <translation>تصدير السجلات</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
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
        <translation>طرق العرض</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>ال&amp;محادثة</translation>
    </message>
    <message>
        <source>&amp;Scheduled</source>
        <translation>م&amp;جدولة</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>ال&amp;سجلات</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>المسا&amp;عدة</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>نسخ معلومات ال&amp;تشخيص</translation>
    </message>
    <message>
        <source>API server %1 (not Zoho)</source>
        <translation>خادم API ‏%1 (ليس Zoho)</translation>
    </message>
    <message>
        <source>API: %1 (not Zoho)</source>
        <translation>API: ‏%1 (ليس Zoho)</translation>
    </message>
    <message>
        <source>Messages and your sign-in go to %1, not to Zoho.</source>
        <translation>تذهب الرسائل وتسجيل دخولك إلى %1، وليس إلى Zoho.</translation>
    </message>
    <message>
        <source>Voice API server</source>
        <translation>خادم Voice API</translation>
    </message>
    <message>
        <source>Open a conversation first.</source>
        <translation>افتح محادثة أولًا.</translation>
    </message>
    <message>
        <source>Snoozed until %1.</source>
        <translation>مؤجلة حتى %1.</translation>
    </message>
    <message>
        <source>Snooze ended: back in your list.</source>
        <translation>انتهى التأجيل: عادت إلى قائمتك.</translation>
    </message>
    <message>
        <source>Snooze ended: %1</source>
        <translation>انتهى التأجيل: %1</translation>
    </message>
    <message>
        <source>The diagnostics report is on the clipboard.</source>
        <translation>نُسخ تقرير التشخيص إلى الحافظة.</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>رسالة جديدة</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Image too large to preview</source>
        <translation>الصورة أكبر من أن تُعاين</translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation>تعذّر عرض هذه الصورة</translation>
    </message>
    <message>
        <source>Cannot play this attachment</source>
        <translation>تعذّر تشغيل هذا المرفق</translation>
    </message>
</context>
<context>
    <name>MediaController</name>
    <message>
        <source>Save the attachment in</source>
        <translation>حفظ المرفق في</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>حفظ…</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>a sound recording</source>
        <translation>تسجيل صوتي</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>فيديو</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>مستند PDF</translation>
    </message>
    <message>
        <source>a file of another kind</source>
        <translation>ملف من نوع آخر</translation>
    </message>
    <message>
        <source>This attachment says it is %1, but its contents are %2. zvdesk did not open it: save it only if you trust the sender, and do not run it.</source>
        <translation>يدّعي هذا المرفق أنه %1، لكن محتواه %2. لم يفتحه zvdesk: احفظه فقط إن كنت تثق بالمرسل، ولا تشغّله.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <source>The attachment was not saved: %1</source>
        <translation>لم يُحفظ المرفق: %1</translation>
    </message>
    <message>
        <source>The attachment could not be loaded: %1</source>
        <translation>تعذّر تحميل المرفق: %1</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>1 hour</source>
        <translation>ساعة واحدة</translation>
    </message>
    <message>
        <source>This afternoon</source>
        <translation>بعد ظهر اليوم</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>صباح الغد</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>الأسبوع القادم</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;New conversation…</source>
        <translation>محادثة &amp;جديدة…</translation>
    </message>
    <message>
        <source>New &amp;announcement…</source>
        <translation>إ&amp;علان جديد…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;قص</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;لصق</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>تحديد ال&amp;كل</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Needs reply</source>
        <translation>&amp;تحتاج إلى رد</translation>
    </message>
    <message>
        <source>&amp;Waiting</source>
        <translation>&amp;بانتظار العميل</translation>
    </message>
    <message>
        <source>&amp;Snoozed</source>
        <translation>&amp;مؤجلة</translation>
    </message>
    <message>
        <source>&amp;Resolved</source>
        <translation>م&amp;حلولة</translation>
    </message>
    <message>
        <source>&amp;All conversations</source>
        <translation>&amp;كل المحادثات</translation>
    </message>
    <message>
        <source>&amp;Dark mode</source>
        <translation>الوضع ال&amp;داكن</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>نص أ&amp;كبر</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>نص أ&amp;صغر</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>حجم النص ال&amp;عادي</translation>
    </message>
    <message>
        <source>&amp;Quick switcher…</source>
        <translation>التبديل ال&amp;سريع…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة ال&amp;مفاتيح</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;محادثة</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;حل</translation>
    </message>
    <message>
        <source>Send and r&amp;esolve</source>
        <translation>إرسال و&amp;حل</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;تأجيل</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>تعليم كغير م&amp;قروءة</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;تثبيت</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>&amp;ملاحظة داخلية</translation>
    </message>
    <message>
        <source>Mark as &amp;opted out</source>
        <translation>وضع علامة &amp;إلغاء الاشتراك</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>اختر وقتًا…</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>إعادة ال&amp;فتح</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>إلغاء ال&amp;تثبيت</translation>
    </message>
    <message>
        <source>&amp;Undo opt-out</source>
        <translation>&amp;التراجع عن إلغاء الاشتراك</translation>
    </message>
    <message>
        <source>Opted out by the customer</source>
        <translation>ألغى العميل الاشتراك</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>Type the customer&apos;s phone number.</source>
        <translation>اكتب رقم هاتف العميل.</translation>
    </message>
    <message>
        <source>A phone number has only digits (and a + in front).</source>
        <translation>يتكون رقم الهاتف من أرقام فقط (مع + في أوله).</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>هذا ليس رقم هاتف.</translation>
    </message>
    <message>
        <source>Unknown country code +%1.</source>
        <translation>رمز بلد غير معروف: ‎+%1.</translation>
    </message>
    <message>
        <source>Not a valid number for %1.</source>
        <translation>ليس رقمًا صالحًا في %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Start a conversation with a phone number</source>
        <translation>بدء محادثة مع رقم هاتف</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>رقم الهاتف</translation>
    </message>
    <message>
        <source>The customer&apos;s number; start with + for another country</source>
        <translation>رقم العميل؛ ابدأ بعلامة + لبلد آخر</translation>
    </message>
    <message>
        <source>Number check</source>
        <translation>التحقق من الرقم</translation>
    </message>
    <message>
        <source>Whether the number is valid</source>
        <translation>ما إذا كان الرقم صالحًا</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <source>The number the message is sent from</source>
        <translation>الرقم الذي تُرسل منه الرسالة</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;بدء</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>بدء المحادثة</translation>
    </message>
    <message>
        <source>Enabled when the number is valid</source>
        <translation>يُفعَّل عندما يكون الرقم صالحًا</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Close without starting a conversation</source>
        <translation>إغلاق دون بدء محادثة</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>ال&amp;رقم:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;من:</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>&amp;Open zvdesk</source>
        <translation>&amp;فتح zvdesk</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;عدم الإزعاج</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message numerus="yes">
        <source>zvdesk — %n unread</source>
        <translation>
            <numerusform>zvdesk — لا رسائل غير مقروءة</numerusform>
            <numerusform>zvdesk — رسالة واحدة غير مقروءة</numerusform>
            <numerusform>zvdesk — رسالتان غير مقروءتين</numerusform>
            <numerusform>zvdesk — %n رسائل غير مقروءة</numerusform>
            <numerusform>zvdesk — %n رسالة غير مقروءة</numerusform>
            <numerusform>zvdesk — %n رسالة غير مقروءة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionsBar</name>
    <message>
        <source>Flash</source>
        <translation>فلاش</translation>
    </message>
    <message>
        <source>Flash SMS: shown at once and not stored</source>
        <translation>رسالة فلاش: تظهر فورًا ولا تُخزَّن</translation>
    </message>
    <message>
        <source>Flash SMS</source>
        <translation>رسالة فلاش</translation>
    </message>
    <message>
        <source>Sends as a flash message, shown at once and not stored by the phone; some phones ignore it</source>
        <translation>يرسلها كرسالة فلاش تظهر فورًا ولا يخزّنها الهاتف؛ بعض الهواتف تتجاهلها</translation>
    </message>
    <message>
        <source>none</source>
        <translation>بلا</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Validity period</source>
        <translation>مدة الصلاحية</translation>
    </message>
    <message>
        <source>Valid f&amp;or:</source>
        <translation>صالحة &amp;لمدة:</translation>
    </message>
    <message>
        <source>How long the network keeps trying to deliver the message</source>
        <translation>المدة التي تواصل فيها الشبكة محاولة تسليم الرسالة</translation>
    </message>
    <message>
        <source>Validity period in minutes</source>
        <translation>مدة الصلاحية بالدقائق</translation>
    </message>
    <message>
        <source>How long the network keeps trying to deliver, 0 to 14400 minutes; none for the network&apos;s default</source>
        <translation>المدة التي تواصل فيها الشبكة محاولة التسليم، من 0 إلى 14400 دقيقة؛ «بلا» لاستخدام القيمة الافتراضية للشبكة</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>الإرسال من</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <source>The number the message is sent from</source>
        <translation>الرقم الذي تُرسل منه الرسالة</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>المُرسِلون</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to conversation</source>
        <translation>الانتقال إلى محادثة</translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation>المبدّل السريع</translation>
    </message>
    <message>
        <source>Find a conversation by name or number</source>
        <translation>البحث عن محادثة بالاسم أو الرقم</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>Matching conversations; Enter opens one</source>
        <translation>المحادثات المطابقة؛ Enter لفتح إحداها</translation>
    </message>
    <message>
        <source>Name or number</source>
        <translation>الاسم أو الرقم</translation>
    </message>
    <message>
        <source>Conversation name or number</source>
        <translation>اسم المحادثة أو رقمها</translation>
    </message>
    <message>
        <source>Type to filter; Up and Down choose, Enter opens, Escape closes</source>
        <translation>اكتب للتصفية؛ السهمان لأعلى ولأسفل للاختيار، وEnter للفتح، وEscape للإغلاق</translation>
    </message>
    <message>
        <source>No conversation matches.</source>
        <translation>لا توجد محادثة مطابقة.</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا توجد نتائج</translation>
    </message>
    <message>
        <source>Shown when nothing matches the text typed</source>
        <translation>يظهر عندما لا يطابق شيء النص المكتوب</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>You are signed out, so nothing can be sent: sign in with the button above the views. Your draft is kept.</source>
        <translation>لقد سجّلت الخروج، لذا لا يمكن إرسال أي شيء: سجّل الدخول بالزر الموجود فوق طرق العرض. مسودتك محفوظة.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Did this message arrive?</source>
        <translation>هل وصلت هذه الرسالة؟</translation>
    </message>
    <message>
        <source>The answer to this message was lost, and these messages like it reached the server meanwhile. Is one of them this message?</source>
        <translation>فُقد الرد على هذه الرسالة، ووصلت في الأثناء إلى الخادم هذه الرسائل المشابهة لها. هل إحداها هي هذه الرسالة؟</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>أرسل مرة أخرى</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>قرر لاحقًا</translation>
    </message>
    <message>
        <source>Sent %1 by %2</source>
        <translation>أُرسلت في %1 بواسطة %2</translation>
    </message>
    <message>
        <source>It arrived: this is it</source>
        <translation>وصلت: هذه هي</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <source>Scheduled date and time</source>
        <translation>التاريخ والوقت المجدولان</translation>
    </message>
    <message>
        <source>When to send: the date and time in the chosen time zone</source>
        <translation>موعد الإرسال: التاريخ والوقت في المنطقة الزمنية المختارة</translation>
    </message>
    <message>
        <source>Send a&amp;t:</source>
        <translation>إرسال &amp;في:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>The time zone of the scheduled time; type part of a name to search</source>
        <translation>المنطقة الزمنية للوقت المجدول؛ اكتب جزءًا من اسم للبحث</translation>
    </message>
    <message>
        <source>Time zones</source>
        <translation>المناطق الزمنية</translation>
    </message>
    <message>
        <source>Customer&apos;s local time</source>
        <translation>التوقيت المحلي للعميل</translation>
    </message>
    <message>
        <source>Customer&apos;s morning (9:00)</source>
        <translation>صباح العميل (9:00)</translation>
    </message>
    <message>
        <source>Customer&apos;s morning</source>
        <translation>صباح العميل</translation>
    </message>
    <message>
        <source>Schedules the message for the customer&apos;s next 9:00 local time</source>
        <translation>يجدول الرسالة للساعة 9:00 القادمة بالتوقيت المحلي للعميل</translation>
    </message>
    <message>
        <source>Customer&apos;s local time: choose a valid time zone</source>
        <translation>التوقيت المحلي للعميل: اختر منطقة زمنية صالحة</translation>
    </message>
    <message>
        <source>Customer&apos;s local time: {time} ({zone})</source>
        <translation>التوقيت المحلي للعميل: {time} ({zone})</translation>
    </message>
</context>
<context>
    <name>ScheduledModel</name>
    <message>
        <source>Scheduled for</source>
        <translation>موعد الإرسال</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Your time: %1</source>
        <translation>توقيتك: %1</translation>
    </message>
</context>
<context>
    <name>ScheduledView</name>
    <message>
        <source>Filter by customer, number or text</source>
        <translation>التصفية حسب العميل أو الرقم أو النص</translation>
    </message>
    <message>
        <source>Filter scheduled messages</source>
        <translation>تصفية الرسائل المجدولة</translation>
    </message>
    <message>
        <source>Shows messages containing every word typed, in any column</source>
        <translation>يعرض الرسائل التي تحتوي على كل كلمة مكتوبة في أي عمود</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;بحث:</translation>
    </message>
    <message>
        <source>No scheduled messages here. A message you schedule in the composer (the clock button, Ctrl+Shift+S) waits in this list until it is sent; a search or filter above may also hide some.</source>
        <translation>لا رسائل مجدولة هنا. تنتظر الرسالة التي تجدولها في محرر الرسائل (زر الساعة، Ctrl+Shift+S) في هذه القائمة حتى تُرسل؛ وقد يُخفي البحث أو التصفية في الأعلى بعضها.</translation>
    </message>
    <message>
        <source>Scheduled messages</source>
        <translation>الرسائل المجدولة</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open the conversation</source>
        <translation>اضغط Enter أو انقر نقرًا مزدوجًا لفتح المحادثة</translation>
    </message>
</context>
<context>
    <name>SendWindowPage</name>
    <message>
        <source>Send window settings</source>
        <translation>إعدادات نافذة الإرسال</translation>
    </message>
    <message>
        <source>&amp;Keep to a send window in the customer&apos;s local time</source>
        <translation>ال&amp;تزام بنافذة إرسال بالتوقيت المحلي للعميل</translation>
    </message>
    <message>
        <source>Keep to a send window</source>
        <translation>الالتزام بنافذة إرسال</translation>
    </message>
    <message>
        <source>Send window starts</source>
        <translation>بداية نافذة الإرسال</translation>
    </message>
    <message>
        <source>Send window ends</source>
        <translation>نهاية نافذة الإرسال</translation>
    </message>
    <message>
        <source>A reply that would reach the customer outside these hours asks first; scheduled messages and announcements wait for the customer&apos;s morning or are skipped, your choice. Some US states end at 20:00.</source>
        <translation>الرد الذي سيصل إلى العميل خارج هذه الساعات يسأل أولًا؛ والرسائل المجدولة والإعلانات تنتظر صباح العميل أو تُتخطى، حسب اختيارك. بعض الولايات الأمريكية تنتهي عند 20:00.</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>حدده المسؤول</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;من:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;حتى:</translation>
    </message>
    <message>
        <source>Set by your administrator (%1): %2. Ask them to change it.</source>
        <translation>حدده المسؤول (%1): %2. اطلب منه تغييره.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>متوقف</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>صفحات الإعدادات</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>ال&amp;حساب</translation>
    </message>
    <message>
        <source>&amp;Composer</source>
        <translation>&amp;محرر الرسائل</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>الإ&amp;شعارات</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>الل&amp;غة</translation>
    </message>
    <message>
        <source>&amp;Diagnostics</source>
        <translation>ال&amp;تشخيص</translation>
    </message>
    <message>
        <source>Send &amp;window</source>
        <translation>نافذة الإ&amp;رسال</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>أزرار مربع الحوار</translation>
    </message>
    <message>
        <source>Account settings</source>
        <translation>إعدادات الحساب</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>معرّف عميل OAuth</translation>
    </message>
    <message>
        <source>The client id of zvdesk&apos;s registration in the Zoho API console</source>
        <translation>معرّف العميل لتسجيل zvdesk في وحدة تحكم Zoho API</translation>
    </message>
    <message>
        <source>From the Zoho API console</source>
        <translation>من وحدة تحكم Zoho API</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>سر عميل OAuth</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in a settings file; leave empty to keep it</source>
        <translation>يُحفظ في سلسلة مفاتيح النظام، ولا يُحفظ أبدًا في ملف إعدادات؛ اتركه فارغًا للإبقاء عليه</translation>
    </message>
    <message>
        <source>Only if the client has one</source>
        <translation>فقط إذا كان للعميل سر</translation>
    </message>
    <message>
        <source>&amp;Forget the stored client secret</source>
        <translation>&amp;نسيان سر العميل المحفوظ</translation>
    </message>
    <message>
        <source>Forget the stored client secret</source>
        <translation>نسيان سر العميل المحفوظ</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>مركز البيانات</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>أي منفذ متاح</translation>
    </message>
    <message>
        <source>Redirect port</source>
        <translation>منفذ إعادة التوجيه</translation>
    </message>
    <message>
        <source>Redirect URI to register</source>
        <translation>عنوان URI لإعادة التوجيه المطلوب تسجيله</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>م&amp;عرّف عميل OAuth:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;سر عميل OAuth:</translation>
    </message>
    <message>
        <source>&amp;Data centre:</source>
        <translation>مركز ال&amp;بيانات:</translation>
    </message>
    <message>
        <source>&amp;Redirect port:</source>
        <translation>منف&amp;ذ إعادة التوجيه:</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>عنوان URI لإعادة التوجيه:</translation>
    </message>
    <message>
        <source>Register the redirect URI exactly as shown for the client in the Zoho API console. Your administrator&apos;s settings are used where these are empty.</source>
        <translation>سجّل عنوان URI لإعادة التوجيه للعميل في وحدة تحكم Zoho API كما هو معروض تمامًا. تُستخدم إعدادات المسؤول عندما تكون هذه الحقول فارغة.</translation>
    </message>
    <message>
        <source>Composer settings</source>
        <translation>إعدادات محرر الرسائل</translation>
    </message>
    <message>
        <source>&amp;Enter sends, Shift+Enter starts a new line</source>
        <translation>&amp;Enter للإرسال، وShift+Enter لسطر جديد</translation>
    </message>
    <message>
        <source>Enter sends</source>
        <translation>Enter للإرسال</translation>
    </message>
    <message>
        <source>Ctrl+Enter &amp;sends, Enter starts a new line</source>
        <translation>Ctrl+Enter لل&amp;إرسال، وEnter لسطر جديد</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends</source>
        <translation>Ctrl+Enter للإرسال</translation>
    </message>
    <message>
        <source>Default country</source>
        <translation>البلد الافتراضي</translation>
    </message>
    <message>
        <source>The country of numbers written without a + and country code</source>
        <translation>بلد الأرقام المكتوبة دون + ورمز البلد</translation>
    </message>
    <message>
        <source>Your name for customers</source>
        <translation>اسمك الذي يراه العملاء</translation>
    </message>
    <message>
        <source>Fills {agent} in canned responses; empty: your name in Zoho</source>
        <translation>يملأ {agent} في الردود الجاهزة؛ إن تُرك فارغًا: اسمك في Zoho</translation>
    </message>
    <message>
        <source>Your name in Zoho</source>
        <translation>اسمك في Zoho</translation>
    </message>
    <message>
        <source>Default &amp;country:</source>
        <translation>ال&amp;بلد الافتراضي:</translation>
    </message>
    <message>
        <source>Your &amp;name for customers:</source>
        <translation>ا&amp;سمك للعملاء:</translation>
    </message>
    <message>
        <source>Canned responses write this name for {agent}. Leave it empty to use the name of the signed-in Zoho user.</source>
        <translation>تكتب الردود الجاهزة هذا الاسم مكان {agent}. اتركه فارغًا لاستخدام اسم مستخدم Zoho الذي سجّل الدخول.</translation>
    </message>
    <message>
        <source>Notification settings</source>
        <translation>إعدادات الإشعارات</translation>
    </message>
    <message>
        <source>&amp;Play a sound for new messages</source>
        <translation>تشغيل &amp;صوت عند وصول رسائل جديدة</translation>
    </message>
    <message>
        <source>Play a sound for new messages</source>
        <translation>تشغيل صوت عند وصول رسائل جديدة</translation>
    </message>
    <message>
        <source>&amp;Do not disturb (no pop-ups, no sound)</source>
        <translation>&amp;عدم الإزعاج (بلا نوافذ منبثقة ولا صوت)</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>عدم الإزعاج</translation>
    </message>
    <message>
        <source>Language settings</source>
        <translation>إعدادات اللغة</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>ال&amp;لغة:</translation>
    </message>
    <message>
        <source>Diagnostics settings</source>
        <translation>إعدادات التشخيص</translation>
    </message>
    <message>
        <source>&amp;Verbose logging</source>
        <translation>التسجيل المف&amp;صّل</translation>
    </message>
    <message>
        <source>Verbose logging</source>
        <translation>التسجيل المفصّل</translation>
    </message>
    <message>
        <source>Verbose logging writes phone numbers and message text to the log file; turn it on only while support needs it. Tokens and secrets are never written.</source>
        <translation>يكتب التسجيل المفصّل أرقام الهواتف ونصوص الرسائل في ملف السجل؛ فعّله فقط ما دام فريق الدعم يحتاج إليه. لا تُكتب الرموز المميزة (tokens) والأسرار أبدًا.</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>ن&amp;سخ معلومات التشخيص</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>نسخ معلومات التشخيص</translation>
    </message>
    <message>
        <source>Copies versions, settings and the last log lines, without secrets</source>
        <translation>ينسخ الإصدارات والإعدادات وآخر أسطر السجل، دون الأسرار</translation>
    </message>
    <message>
        <source>Diagnostics status</source>
        <translation>حالة التشخيص</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>نُسخ إلى الحافظة.</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>A list of the keyboard shortcuts of zvdesk</source>
        <translation>قائمة باختصارات لوحة المفاتيح في zvdesk</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>البحث في الاختصارات</translation>
    </message>
    <message>
        <source>Filters the list by action or keys</source>
        <translation>يصفّي القائمة حسب الإجراء أو المفاتيح</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;بحث:</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>الاختصارات</translation>
    </message>
    <message>
        <source>Each row: an action, its keys and where</source>
        <translation>كل صف: إجراء ومفاتيحه ومكان عمله</translation>
    </message>
</context>
<context>
    <name>ShortcutTableModel</name>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>المكان</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Navigation</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>التطبيق</translation>
    </message>
    <message>
        <source>Jump to a conversation (quick switcher)</source>
        <translation>الانتقال إلى محادثة (المبدّل السريع)</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>البحث في الرسائل</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>المحادثة السابقة</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>المحادثة التالية</translation>
    </message>
    <message>
        <source>Previous unread conversation</source>
        <translation>المحادثة غير المقروءة السابقة</translation>
    </message>
    <message>
        <source>Next unread conversation</source>
        <translation>المحادثة غير المقروءة التالية</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>سطر جديد في الرسالة</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>إرفاق ملف</translation>
    </message>
    <message>
        <source>Schedule the message</source>
        <translation>جدولة الرسالة</translation>
    </message>
    <message>
        <source>Resolve the conversation (or reopen it)</source>
        <translation>حل المحادثة (أو إعادة فتحها)</translation>
    </message>
    <message>
        <source>Send the message and resolve</source>
        <translation>إرسال الرسالة والحل</translation>
    </message>
    <message>
        <source>Snooze the conversation</source>
        <translation>تأجيل المحادثة</translation>
    </message>
    <message>
        <source>Mark the conversation unread</source>
        <translation>تعليم المحادثة كغير مقروءة</translation>
    </message>
    <message>
        <source>Pin or unpin the conversation</source>
        <translation>تثبيت المحادثة أو إلغاء تثبيتها</translation>
    </message>
    <message>
        <source>Write an internal note (never sent)</source>
        <translation>كتابة ملاحظة داخلية (لا تُرسل أبدًا)</translation>
    </message>
    <message>
        <source>Text many customers (announcement)</source>
        <translation>مراسلة عملاء كثيرين (إعلان)</translation>
    </message>
    <message>
        <source>Show conversations that need a reply</source>
        <translation>عرض المحادثات التي تحتاج إلى رد</translation>
    </message>
    <message>
        <source>Show conversations waiting on the customer</source>
        <translation>عرض المحادثات التي بانتظار العميل</translation>
    </message>
    <message>
        <source>Show snoozed conversations</source>
        <translation>عرض المحادثات المؤجلة</translation>
    </message>
    <message>
        <source>Show resolved conversations</source>
        <translation>عرض المحادثات المحلولة</translation>
    </message>
    <message>
        <source>Show all conversations</source>
        <translation>عرض كل المحادثات</translation>
    </message>
    <message>
        <source>Larger message text</source>
        <translation>نص رسائل أكبر</translation>
    </message>
    <message>
        <source>Smaller message text</source>
        <translation>نص رسائل أصغر</translation>
    </message>
    <message>
        <source>Message text at its normal size</source>
        <translation>نص الرسائل بحجمه العادي</translation>
    </message>
    <message>
        <source>Switch between dark and light</source>
        <translation>التبديل بين الداكن والفاتح</translation>
    </message>
    <message>
        <source>Quit zvdesk</source>
        <translation>الخروج من zvdesk</translation>
    </message>
    <message>
        <source>Show keyboard shortcuts</source>
        <translation>عرض اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>فتح الإعدادات</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Needs reply</source>
        <translation>تحتاج إلى رد</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>بانتظار العميل</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>مؤجلة</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>محلولة</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Conversation list</source>
        <translation>قائمة المحادثات</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>بحث (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>البحث في المحادثات</translation>
    </message>
    <message>
        <source>Searches names, numbers and message text</source>
        <translation>يبحث في الأسماء والأرقام ونص الرسائل</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>محادثة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <source>Sender number</source>
        <translation>رقم المُرسِل</translation>
    </message>
    <message>
        <source>Shows the conversations of one number</source>
        <translation>يعرض محادثات رقم واحد</translation>
    </message>
    <message>
        <source>All numbers</source>
        <translation>كل الأرقام</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>حالة البحث</translation>
    </message>
    <message>
        <source>Show new activity</source>
        <translation>عرض النشاط الجديد</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>لا جديد</numerusform>
            <numerusform>%n جديدة</numerusform>
            <numerusform>%n جديدتان</numerusform>
            <numerusform>%n جديدة</numerusform>
            <numerusform>%n جديدة</numerusform>
            <numerusform>%n جديدة</numerusform>
        </translation>
    </message>
    <message>
        <source>New activity is waiting: it shows when the pointer leaves the list, or click here</source>
        <translation>يوجد نشاط جديد: يظهر عندما يغادر المؤشر القائمة، أو انقر هنا</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>No system keyring (Secret Service) is available to keep your Zoho sign-in. Install and unlock one (for example GNOME Keyring or KWallet), or sign in for this session only: you will then have to sign in again after quitting zvdesk.</source>
        <translation>لا تتوفر سلسلة مفاتيح النظام (Secret Service) لحفظ تسجيل دخولك إلى Zoho. ثبّت واحدة وافتح قفلها (مثل GNOME Keyring أو KWallet)، أو سجّل الدخول لهذه الجلسة فقط: وعندئذٍ سيلزمك تسجيل الدخول مجددًا بعد إنهاء zvdesk.</translation>
    </message>
    <message>
        <source>Zoho did not accept the sign-in code: it expired or was already used. Sign in again (a Self Client code must be used within a few minutes of generating it).</source>
        <translation>لم تقبل Zoho رمز تسجيل الدخول: انتهت صلاحيته أو سبق استخدامه. سجّل الدخول مجددًا (يجب استخدام رمز Self Client خلال بضع دقائق من إنشائه).</translation>
    </message>
    <message>
        <source>Zoho&apos;s %1 data centre does not know zvdesk&apos;s client. Your Zoho account is probably in another data centre: choose the one in the address you sign in to Zoho at (for example accounts.zoho.eu), then sign in again. If it is right, the client id or secret (IT&apos;s, or yours under Advanced… in Settings) does not match the Zoho API console.</source>
        <translation>مركز بيانات Zoho ‏%1 لا يعرف عميل zvdesk. على الأرجح أن حسابك في Zoho موجود في مركز بيانات آخر: اختر المركز الظاهر في العنوان الذي تسجّل الدخول منه إلى Zoho (مثل accounts.zoho.eu)، ثم سجّل الدخول مجددًا. إن كان صحيحًا، فإن معرّف العميل أو السر (الخاص بقسم تقنية المعلومات، أو الخاص بك ضمن «متقدم…» في الإعدادات) لا يطابق وحدة تحكم واجهات Zoho البرمجية.</translation>
    </message>
    <message>
        <source>Zoho does not know this client id and secret in this data centre. Check the client id, the client secret and the data centre in Settings: they must match the Zoho API console.</source>
        <translation>لا تعرف Zoho معرّف العميل وسرّه هذين في مركز البيانات هذا. تحقّق من معرّف العميل وسر العميل ومركز البيانات في الإعدادات: يجب أن تطابق ما في وحدة تحكم Zoho API.</translation>
    </message>
    <message>
        <source>The date or time on this computer is wrong, so Zoho&apos;s secure connection looks invalid. Set the computer&apos;s date, time and time zone right (or turn on automatic time), then sign in again.</source>
        <translation>تاريخ هذا الحاسوب أو وقته غير صحيح، لذا يبدو اتصال Zoho الآمن غير صالح. اضبط التاريخ والوقت والمنطقة الزمنية للحاسوب (أو فعّل الوقت التلقائي)، ثم سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>Zoho refused the redirect address. In the Zoho API console, register %1 exactly as the client&apos;s redirect URI, or change the redirect port in Settings.</source>
        <translation>رفضت Zoho عنوان إعادة التوجيه. في وحدة تحكم Zoho API، سجّل %1 كما هو تمامًا بوصفه عنوان URI لإعادة التوجيه الخاص بالعميل، أو غيّر منفذ إعادة التوجيه في الإعدادات.</translation>
    </message>
    <message>
        <source>Zoho&apos;s limit on sign-in requests was reached (about 10 in 10 minutes). Try again in %1 minutes.</source>
        <translation>بُلغ حدّ Zoho لطلبات تسجيل الدخول (نحو 10 كل 10 دقائق). حاول مجددًا بعد %1 دقائق.</translation>
    </message>
    <message>
        <source>Access was declined on Zoho&apos;s page. Sign in again and choose Accept.</source>
        <translation>رُفض منح الوصول في صفحة Zoho. سجّل الدخول مجددًا واختر «قبول» (Accept).</translation>
    </message>
    <message>
        <source>The code expired before it was approved. Get a new code and try again.</source>
        <translation>انتهت صلاحية الرمز قبل الموافقة عليه. اطلب رمزًا جديدًا وأعد المحاولة.</translation>
    </message>
    <message>
        <source>No answer came from the browser in time. Sign in again.</source>
        <translation>لم يصل رد من المتصفح في الوقت المحدد. سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>zvdesk refused a sign-in answer that did not belong to this sign-in. Sign in again.</source>
        <translation>رفض zvdesk ردًا لتسجيل الدخول لا يخص عملية تسجيل الدخول هذه. سجّل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>Zoho&apos;s sign-in server could not be reached. Check the network connection and try again.</source>
        <translation>تعذّر الوصول إلى خادم تسجيل الدخول في Zoho. تحقّق من الاتصال بالشبكة وأعد المحاولة.</translation>
    </message>
    <message>
        <source>Zoho no longer accepts this sign-in (it was revoked or expired). Sign in again: your outbox, drafts and messages are kept.</source>
        <translation>لم تعد Zoho تقبل تسجيل الدخول هذا (أُلغي أو انتهت صلاحيته). سجّل الدخول مجددًا: صندوق الصادر والمسودات والرسائل محفوظة.</translation>
    </message>
    <message>
        <source>No OAuth client id is set. Enter the client id of zvdesk&apos;s registration in the Zoho API console in Settings, or ask your administrator for zvdesk&apos;s config file.</source>
        <translation>لم يُعيَّن معرّف عميل OAuth. أدخل في الإعدادات معرّف العميل لتسجيل zvdesk في وحدة تحكم Zoho API، أو اطلب من المسؤول ملف إعدادات zvdesk.</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>فشل تسجيل الدخول: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Add a Zoho account</source>
        <translation>إضافة حساب Zoho</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in to Zoho Voice to send and receive your account&apos;s messages.</source>
        <translation>سجّل الدخول إلى Zoho Voice لإرسال رسائل حسابك واستقبالها.</translation>
    </message>
    <message>
        <source>Sign in to another Zoho Voice account; it gets its own messages.</source>
        <translation>سجّل الدخول إلى حساب Zoho Voice آخر؛ وستكون له رسائله الخاصة.</translation>
    </message>
    <message>
        <source>About signing in</source>
        <translation>حول تسجيل الدخول</translation>
    </message>
    <message>
        <source>Why you need to sign in</source>
        <translation>سبب الحاجة إلى تسجيل الدخول</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>اسم الحساب</translation>
    </message>
    <message>
        <source>A short name for this account: letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>اسم قصير لهذا الحساب: حروف أو أرقام أو &apos;.&apos; أو &apos;_&apos; أو &apos;-&apos;</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>مركز البيانات</translation>
    </message>
    <message>
        <source>Where your Zoho account is kept; it is in the address you sign in at</source>
        <translation>مكان حفظ حسابك في Zoho؛ وهو ظاهر في العنوان الذي تسجّل الدخول منه</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>OAuth client</source>
        <translation>عميل OAuth</translation>
    </message>
    <message>
        <source>Ad&amp;vanced…</source>
        <translation>&amp;متقدم…</translation>
    </message>
    <message>
        <source>Advanced: enter a client id yourself</source>
        <translation>متقدم: أدخل معرّف عميل بنفسك</translation>
    </message>
    <message>
        <source>Settings ▸ Account: a client id of your own (normally set by IT)</source>
        <translation>الإعدادات ◂ الحساب: معرّف عميل خاص بك (يضبطه قسم تقنية المعلومات عادةً)</translation>
    </message>
    <message>
        <source>What your administrator sets up</source>
        <translation>ما يُعدّه مسؤول النظام</translation>
    </message>
    <message>
        <source>Steps for the administrator</source>
        <translation>خطوات لمسؤول النظام</translation>
    </message>
    <message>
        <source>Co&amp;py these instructions</source>
        <translation>ا&amp;نسخ هذه التعليمات</translation>
    </message>
    <message>
        <source>Copy these instructions</source>
        <translation>انسخ هذه التعليمات</translation>
    </message>
    <message>
        <source>Copies the steps for your IT administrator to the clipboard</source>
        <translation>ينسخ خطوات مسؤول تقنية المعلومات إلى الحافظة</translation>
    </message>
    <message>
        <source>Your organisation&apos;s Zoho client: %1</source>
        <translation>عميل Zoho الخاص بمؤسستك: %1</translation>
    </message>
    <message>
        <source>zvdesk is not set up for your organisation yet. Your IT administrator registers it with Zoho once; after that you only choose your data centre and sign in.</source>
        <translation>لم يُعدّ zvdesk لمؤسستك بعد. يسجّله مسؤول تقنية المعلومات لدى Zoho مرة واحدة؛ بعدها تختار مركز بياناتك وتسجّل الدخول فقط.</translation>
    </message>
    <message>
        <source>For the administrator:
1. In the Zoho API console, add a client of the type Mobile-based Applications (an installed app, signed in with PKCE).
2. Authorized redirect URI: %1
3. Scopes: %2
4. Put the client id and data centre in %3 on each agent&apos;s computer, or build them into the package.</source>
        <translation>لمسؤول النظام:
1. في وحدة تحكم واجهات Zoho البرمجية، أضف عميلًا من نوع Mobile-based Applications (تطبيق مثبّت يسجّل الدخول عبر PKCE).
2. عنوان إعادة التوجيه المصرّح به: %1
3. النطاقات: %2
4. ضع معرّف العميل ومركز البيانات في %3 على حاسوب كل موظف، أو ضمّنهما في الحزمة.</translation>
    </message>
    <message>
        <source>The instructions are on the clipboard: send them to IT.</source>
        <translation>التعليمات في الحافظة: أرسلها إلى قسم تقنية المعلومات.</translation>
    </message>
    <message>
        <source>Sign-in cancelled: nothing was kept. You can start again.</source>
        <translation>أُلغي تسجيل الدخول: لم يُحفظ أي شيء. يمكنك البدء من جديد.</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;اسم الحساب:</translation>
    </message>
    <message>
        <source>&amp;Data centre:</source>
        <translation>مركز ال&amp;بيانات:</translation>
    </message>
    <message>
        <source>No system keyring</source>
        <translation>لا تتوفر سلسلة مفاتيح النظام</translation>
    </message>
    <message>
        <source>Sign in for this session &amp;only</source>
        <translation>تسجيل الدخول لهذه الجلسة &amp;فقط</translation>
    </message>
    <message>
        <source>Sign in for this session only</source>
        <translation>تسجيل الدخول لهذه الجلسة فقط</translation>
    </message>
    <message>
        <source>Ways to sign in</source>
        <translation>طرق تسجيل الدخول</translation>
    </message>
    <message>
        <source>&amp;Browser</source>
        <translation>ال&amp;متصفح</translation>
    </message>
    <message>
        <source>Self Client &amp;code</source>
        <translation>&amp;رمز Self Client</translation>
    </message>
    <message>
        <source>Another &amp;device</source>
        <translation>&amp;جهاز آخر</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>حالة تسجيل الدخول</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>أزرار مربع الحوار</translation>
    </message>
    <message>
        <source>Choose an account name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>اختر اسمًا للحساب يتكون من حروف أو أرقام أو &apos;.&apos; أو &apos;_&apos; أو &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>تم تسجيل الدخول.</translation>
    </message>
</context>
<context>
    <name>SignInSteps</name>
    <message>
        <source>Sign-in progress</source>
        <translation>تقدّم تسجيل الدخول</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>إلغاء تسجيل الدخول</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>إلغاء تسجيل الدخول</translation>
    </message>
    <message>
        <source>Stops signing in at once; nothing is kept</source>
        <translation>يوقف تسجيل الدخول فورًا؛ لا يُحفظ أي شيء</translation>
    </message>
    <message>
        <source>Waiting for the browser: approve access on Zoho&apos;s page</source>
        <translation>في انتظار المتصفح: وافق على الوصول في صفحة Zoho</translation>
    </message>
    <message>
        <source>Getting a sign-in code from Zoho</source>
        <translation>جارٍ الحصول على رمز تسجيل الدخول من Zoho</translation>
    </message>
    <message>
        <source>Waiting for the approval on the other device</source>
        <translation>في انتظار الموافقة على الجهاز الآخر</translation>
    </message>
    <message>
        <source>Exchanging the code with Zoho</source>
        <translation>جارٍ تبادل الرمز مع Zoho</translation>
    </message>
    <message>
        <source>Checking the account and keeping the sign-in</source>
        <translation>جارٍ التحقق من الحساب وحفظ تسجيل الدخول</translation>
    </message>
    <message>
        <source>done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <source>next</source>
        <translation>التالي</translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Sign out of the account “%1”? zvdesk tells Zoho to revoke this sign-in and removes it from the system keyring.</source>
        <translation>هل تريد تسجيل الخروج من الحساب «%1»؟ سيطلب zvdesk من Zoho إلغاء تسجيل الدخول هذا، ويزيله من سلسلة مفاتيح النظام.</translation>
    </message>
    <message>
        <source>Also &amp;delete this account&apos;s messages, outbox and drafts on this computer</source>
        <translation>&amp;حذف رسائل هذا الحساب وصندوق الصادر والمسودات من هذا الحاسوب أيضًا</translation>
    </message>
    <message>
        <source>Delete the local messages</source>
        <translation>حذف الرسائل المحلية</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>أزرار مربع الحوار</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>تسجيل ال&amp;خروج</translation>
    </message>
</context>
<context>
    <name>SignedOutBanner</name>
    <message>
        <source>Signed out</source>
        <translation>تم تسجيل الخروج</translation>
    </message>
    <message>
        <source>Sign-in state</source>
        <translation>حالة تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign &amp;in again</source>
        <translation>إعادة تسجيل ال&amp;دخول</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>إعادة تسجيل الدخول</translation>
    </message>
    <message>
        <source>Read-only: Zoho no longer accepts this sign-in (it was revoked or expired). Your outbox, drafts and messages are kept; sending resumes after you sign in again.</source>
        <translation>للقراءة فقط: لم تعد Zoho تقبل تسجيل الدخول هذا (أُلغي أو انتهت صلاحيته). صندوق الصادر والمسودات والرسائل محفوظة؛ ويُستأنف الإرسال بعد تسجيل الدخول مجددًا.</translation>
    </message>
    <message>
        <source>Read-only: you are not signed in to Zoho. Sign in to send and to get new messages; the conversations kept on this computer stay readable.</source>
        <translation>للقراءة فقط: لم تسجّل الدخول إلى Zoho. سجّل الدخول لإرسال الرسائل وتلقي الجديدة؛ وتبقى المحادثات المحفوظة على هذا الحاسوب قابلة للقراءة.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>تأجيل حتى</translation>
    </message>
    <message>
        <source>Wake-up time</source>
        <translation>وقت العودة</translation>
    </message>
    <message>
        <source>Wakes up</source>
        <translation>يعود</translation>
    </message>
    <message>
        <source>Back in your list on %1</source>
        <translation>تعود إلى قائمتك في %1</translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message>
        <source>Queued</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>مُرسل</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>تم التسليم</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>لم يُسلَّم</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>Zoho Voice status: %1</source>
        <translation>الحالة في Zoho Voice: %1</translation>
    </message>
    <message>
        <source>The customer&apos;s carrier could not deliver it: the phone may be off or out of coverage, or the number may not take text messages.</source>
        <translation>تعذّر على مشغّل شبكة العميل تسليمها: قد يكون الهاتف مغلقًا أو خارج التغطية، أو قد لا يستقبل الرقم الرسائل النصية.</translation>
    </message>
    <message>
        <source>The phone could not be reached before the message expired.</source>
        <translation>تعذّر الوصول إلى الهاتف قبل انتهاء صلاحية الرسالة.</translation>
    </message>
    <message>
        <source>The carrier reported that it was not delivered.</source>
        <translation>أفاد المشغّل بأنها لم تُسلَّم.</translation>
    </message>
</context>
<context>
    <name>SwitcherModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>لا رسائل غير مقروءة</numerusform>
            <numerusform>رسالة واحدة غير مقروءة</numerusform>
            <numerusform>رسالتان غير مقروءتين</numerusform>
            <numerusform>%n رسائل غير مقروءة</numerusform>
            <numerusform>%n رسالة غير مقروءة</numerusform>
            <numerusform>%n رسالة غير مقروءة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync state icon</source>
        <translation>أيقونة حالة المزامنة</translation>
    </message>
    <message>
        <source>A picture of the sync state</source>
        <translation>صورة تمثّل حالة المزامنة</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>حالة المزامنة</translation>
    </message>
    <message>
        <source>Whether zvdesk is connected</source>
        <translation>ما إذا كان zvdesk متصلًا</translation>
    </message>
    <message>
        <source>Connection and synchronisation status</source>
        <translation>حالة الاتصال والمزامنة</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1 مليون</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1 ألف</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>تبقّى أقل من دقيقة</translation>
    </message>
    <message>
        <source>about a minute left</source>
        <translation>تبقّت دقيقة تقريبًا</translation>
    </message>
    <message>
        <source>about %1 minutes left</source>
        <translation>تبقّى نحو %1 دقيقة</translation>
    </message>
    <message>
        <source>about %1 hours left</source>
        <translation>تبقّى نحو %1 ساعة</translation>
    </message>
    <message>
        <source>about %1 days left</source>
        <translation>تبقّى نحو %1 يوم</translation>
    </message>
    <message>
        <source>last synced just now</source>
        <translation>آخر مزامنة الآن</translation>
    </message>
    <message numerus="yes">
        <source>last synced %n min ago</source>
        <translation>
            <numerusform>آخر مزامنة قبل أقل من دقيقة</numerusform>
            <numerusform>آخر مزامنة قبل دقيقة</numerusform>
            <numerusform>آخر مزامنة قبل دقيقتين</numerusform>
            <numerusform>آخر مزامنة قبل %n دقائق</numerusform>
            <numerusform>آخر مزامنة قبل %n دقيقة</numerusform>
            <numerusform>آخر مزامنة قبل %n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>last synced %1</source>
        <translation>آخر مزامنة: %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Syncing history: %1 of %2</source>
        <translation>جارٍ مزامنة السجل: %1 من %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>تم تسجيل الخروج</translation>
    </message>
    <message>
        <source>Sync status: %1</source>
        <translation>حالة المزامنة: %1</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to zvdesk</source>
        <translation>مرحبًا بك في zvdesk</translation>
    </message>
    <message>
        <source>Text your customers from the desktop through your organisation&apos;s Zoho Voice numbers.</source>
        <translation>راسل عملاءك من سطح المكتب عبر أرقام Zoho Voice الخاصة بمؤسستك.</translation>
    </message>
    <message>
        <source>&amp;Sign in to Zoho Voice</source>
        <translation>&amp;تسجيل الدخول إلى Zoho Voice</translation>
    </message>
    <message>
        <source>Sign in to Zoho Voice</source>
        <translation>تسجيل الدخول إلى Zoho Voice</translation>
    </message>
    <message>
        <source>With your Zoho account: your conversations, your numbers, real customers.</source>
        <translation>بحسابك في Zoho: محادثاتك وأرقامك وعملاء حقيقيون.</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>&amp;جرّب العرض التجريبي</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>جرّب العرض التجريبي</translation>
    </message>
    <message>
        <source>Without an account: simulated customers on a built-in test server, to learn the app. Nothing you send leaves this computer.</source>
        <translation>من دون حساب: عملاء محاكون على خادم اختبار مدمج لتتعلّم التطبيق. لا يغادر أي شيء ترسله هذا الحاسوب.</translation>
    </message>
</context>
</TS>
