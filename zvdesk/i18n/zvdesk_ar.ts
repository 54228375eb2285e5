<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../ui/app.py" line="+99"/>
        <location line="+148"/>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Something went wrong: %1</source>
        <translation>حدث خطأ ما: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>zvdesk could not start: %1</source>
        <translation>تعذّر بدء zvdesk: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../ui/composer_attachment.py" line="+70"/>
        <source>Attachment</source>
        <translation>مرفق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File type</source>
        <translation>نوع الملف</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Remove attachment</source>
        <translation>إزالة المرفق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes the file from the message</source>
        <translation>يزيل الملف من الرسالة</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{name}, {size}</source>
        <translation>{name}، {size}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removes {name} from the message</source>
        <translation>يزيل {name} من الرسالة</translation>
    </message>
</context>
<context>
    <name>CannedDefaults</name>
    <message>
        <location filename="../ui/canned.py" line="+413"/>
        <source>Hi {name}, this is {agent}. How can I help you today?</source>
        <translation>مرحبًا {name}، معك {agent}. كيف يمكنني مساعدتك اليوم؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Greeting</source>
        <translation>تحية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thanks for your patience, {name}. I am looking into this now and will get back to you shortly.</source>
        <translation>شكرًا على صبرك يا {name}. أتحقق من الأمر الآن وسأعود إليك قريبًا.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please wait</source>
        <translation>يرجى الانتظار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Would it help if we called you? We can reach you on {number}.</source>
        <translation>هل يفيدك أن نتصل بك؟ يمكننا الاتصال بك على {number}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offer a call</source>
        <translation>عرض اتصال هاتفي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you, {name}! Is there anything else I can help with?</source>
        <translation>شكرًا لك يا {name}! هل هناك أي شيء آخر يمكنني مساعدتك فيه؟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thanks</source>
        <translation>شكر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glad I could help. Have a great day!</source>
        <translation>سعدت بمساعدتك. أتمنى لك يومًا رائعًا!</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goodbye</source>
        <translation>وداع</translation>
    </message>
</context>
<context>
    <name>CannedDialog</name>
    <message>
        <location line="+251"/>
        <location line="+14"/>
        <source>Canned responses</source>
        <translation>الردود الجاهزة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a response to edit it</source>
        <translation>اختر ردًا لتعديله</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter canned responses</source>
        <translation>تصفية الردود الجاهزة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows responses matching the text typed</source>
        <translation>يعرض الردود المطابقة للنص المكتوب</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The word typed after a slash in the composer, e.g. hi for /hi</source>
        <translation>الكلمة التي تُكتب بعد الشرطة المائلة في محرر الرسائل، مثل hi للاختصار ‎/hi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short description (optional)</source>
        <translation>وصف قصير (اختياري)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message; {name}, {number} and {agent} are filled in when inserted</source>
        <translation>الرسالة؛ تُملأ {name} و{number} و{agent} عند الإدراج</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Placeholders: {name}, {number}, {agent}. Write {{ and }} for braces.</source>
        <translation>العناصر النائبة: {name} و{number} و{agent}. اكتب {{ و}} للأقواس المعقوصة.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The outcome of the last action</source>
        <translation>نتيجة آخر إجراء</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New</source>
        <translation>&amp;جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>ح&amp;ذف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new canned response</source>
        <translation>إنشاء رد جاهز جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the response being edited</source>
        <translation>حفظ الرد الجاري تعديله</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected response</source>
        <translation>حذف الرد المحدد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add responses from a JSON file</source>
        <translation>إضافة ردود من ملف JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save all responses to a JSON file</source>
        <translation>حفظ كل الردود في ملف JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;hortcut:</source>
        <translation>الا&amp;ختصار:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;xt:</source>
        <translation>ال&amp;نص:</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Saved /%1. Unknown placeholders are sent as typed: %2</source>
        <translation>حُفظ ‎/%1. العناصر النائبة غير المعروفة تُرسل كما كُتبت: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved /%1.</source>
        <translation>حُفظ ‎/%1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted /%1.</source>
        <translation>حُذف ‎/%1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing was imported. %1</source>
        <translation>لم يُستورد أي شيء. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported: %1 added, %2 replaced, %3 skipped.</source>
        <translation>الاستيراد: أُضيف %1، واستُبدل %2، وتُخطي %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown placeholders in: %1</source>
        <translation>عناصر نائبة غير معروفة في: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export failed: %1</source>
        <translation>فشل التصدير: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %1 responses.</source>
        <translation>صُدّرت %1 من الردود.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import canned responses</source>
        <translation>استيراد الردود الجاهزة</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>JSON files (*.json)</source>
        <translation>ملفات JSON (*.json)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Export canned responses</source>
        <translation>تصدير الردود الجاهزة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replace canned response?</source>
        <translation>استبدال الرد الجاهز؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/%1 already exists. Replace it with the new text?</source>
        <translation>‎/%1 موجود بالفعل. هل تريد استبداله بالنص الجديد؟</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete canned response?</source>
        <translation>حذف الرد الجاهز؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete /%1?</source>
        <translation>حذف ‎/%1؟</translation>
    </message>
</context>
<context>
    <name>CannedPopup</name>
    <message>
        <location line="-345"/>
        <location line="+17"/>
        <source>Canned responses</source>
        <translation>الردود الجاهزة</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Press Enter to insert the selected response</source>
        <translation>اضغط Enter لإدراج الرد المحدد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter canned responses</source>
        <translation>تصفية الردود الجاهزة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a shortcut; Up and Down choose, Enter inserts, Escape closes</source>
        <translation>اكتب اختصارًا؛ السهمان لأعلى ولأسفل للاختيار، وEnter للإدراج، وEscape للإغلاق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No canned response matches.</source>
        <translation>لا يوجد رد جاهز مطابق.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No matches</source>
        <translation>لا توجد نتائج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown when no canned response matches</source>
        <translation>يظهر عندما لا يطابق أي رد جاهز</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a canned response to insert</source>
        <translation>اختر ردًا جاهزًا لإدراجه</translation>
    </message>
</context>
<context>
    <name>ChatListController</name>
    <message>
        <location filename="../ui/window_chats.py" line="+130"/>
        <source>Searching the server…</source>
        <translation>جارٍ البحث في الخادم…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server search failed: %1</source>
        <translation>فشل البحث في الخادم: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No conversation matches.</source>
        <translation>لا توجد محادثة مطابقة.</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message numerus="yes">
        <location filename="../ui/chatlist.py" line="+268"/>
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
        <location line="+4"/>
        <source>last message (sent): %1</source>
        <translation>آخر رسالة (مُرسلة): %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last message: %1</source>
        <translation>آخر رسالة: %1</translation>
    </message>
</context>
<context>
    <name>ChatListView</name>
    <message>
        <location line="+39"/>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
</context>
<context>
    <name>CollisionNotice</name>
    <message>
        <location filename="../ui/composer_notice.py" line="+24"/>
        <source>Collision notice</source>
        <translation>تنبيه الرد المتزامن</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dismiss notice</source>
        <translation>تجاهل التنبيه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hides the notice that someone else replied</source>
        <translation>يخفي التنبيه بأن شخصًا آخر ردّ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Another agent</source>
        <translation>وكيل آخر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{agent} replied in this conversation while you were typing</source>
        <translation>ردّ {agent} في هذه المحادثة أثناء كتابتك</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../ui/composer.py" line="+72"/>
        <location line="+68"/>
        <source>Attach a file</source>
        <translation>إرفاق ملف</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Message composer</source>
        <translation>محرر الرسائل</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message problem</source>
        <translation>مشكلة في الرسالة</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>إرفاق ملف (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chooses one file to send as MMS; you can also drop or paste a file or image</source>
        <translation>يختار ملفًا واحدًا لإرساله كرسالة MMS؛ يمكنك أيضًا إفلات ملف أو صورة أو لصقهما</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Schedule (Ctrl+Shift+S)</source>
        <translation>جدولة (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>جدولة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the date, time and time zone to send the message at</source>
        <translation>يعرض التاريخ والوقت والمنطقة الزمنية لإرسال الرسالة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message length</source>
        <translation>طول الرسالة</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter للإرسال، وShift+Enter لسطر جديد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Enter sends, Enter starts a new line</source>
        <translation>Ctrl+Enter للإرسال، وEnter لسطر جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a message…</source>
        <translation>اكتب رسالة…</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The pasted image could not be saved.</source>
        <translation>تعذّر حفظ الصورة الملصقة.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Open a conversation to send a message.</source>
        <translation>افتح محادثة لإرسال رسالة.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>1 character</source>
        <translation>حرف واحد</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n characters</source>
        <translation>
            <numerusform>%n حرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%n أحرف</numerusform>
            <numerusform>%n حرفًا</numerusform>
            <numerusform>%n حرف</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{characters} · {encoding} · {parts} SMS ({left} left)</source>
        <translation>{characters} · {encoding} · {parts} SMS (المتبقي {left})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sends the message to the customer</source>
        <translation>يرسل الرسالة إلى العميل</translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message>
        <location filename="../ui/window_open.py" line="+103"/>
        <source>That conversation is no longer in the cache.</source>
        <translation>لم تعد تلك المحادثة موجودة في ذاكرة التخزين المؤقت.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not read the cache: %1</source>
        <translation>تعذّرت قراءة ذاكرة التخزين المؤقت: %1</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The message was not sent: %1</source>
        <translation>لم تُرسل الرسالة: %1</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../ui/conversation_delegate.py" line="+267"/>
        <source>Attachment: %1</source>
        <translation>مرفق: %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+153"/>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Attachment</source>
        <translation>مرفق</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+34"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <location filename="../ui/conversation_model.py" line="+430"/>
        <source>Scheduled</source>
        <translation>المجدولة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Scheduled for %1 (%2)</source>
        <translation>مجدولة في %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled for %1</source>
        <translation>مجدولة في %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Waiting to send</source>
        <translation>في انتظار الإرسال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sure it was sent: checking</source>
        <translation>غير مؤكد إن كانت قد أُرسلت: جارٍ التحقق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent</source>
        <translation>لم تُرسل</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Queued</source>
        <translation>في قائمة الانتظار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>سُلّمت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not delivered</source>
        <translation>لم تُسلّم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>انتهت صلاحيتها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>فشلت</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
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
        <location filename="../ui/window_conversation.py" line="+35"/>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversation with</source>
        <translation>محادثة مع</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No conversation open</source>
        <translation>لا توجد محادثة مفتوحة</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../ui/conversation.py" line="+82"/>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy link address</source>
        <translation>نسخ عنوان الرابط</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open attachment</source>
        <translation>فتح المرفق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save attachment…</source>
        <translation>حفظ المرفق…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retry sending</source>
        <translation>إعادة محاولة الإرسال</translation>
    </message>
    <message numerus="yes">
        <location line="+166"/>
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
        <location line="+2"/>
        <source>Jump to newest</source>
        <translation>الانتقال إلى الأحدث</translation>
    </message>
</context>
<context>
    <name>DateRangeEdit</name>
    <message>
        <location filename="../ui/scheduled_view.py" line="+295"/>
        <source>&amp;From</source>
        <translation>&amp;من</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To</source>
        <translation>إ&amp;لى</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter from a date</source>
        <translation>التصفية من تاريخ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only items on or after a day</source>
        <translation>عرض العناصر في يوم معيّن أو بعده فقط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From date</source>
        <translation>تاريخ البداية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First day to show</source>
        <translation>أول يوم يُعرض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter up to a date</source>
        <translation>التصفية حتى تاريخ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only items on or before a day</source>
        <translation>عرض العناصر في يوم معيّن أو قبله فقط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>تاريخ النهاية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day to show</source>
        <translation>آخر يوم يُعرض</translation>
    </message>
</context>
<context>
    <name>ListsController</name>
    <message>
        <location filename="../ui/window_lists.py" line="+79"/>
        <source>The logs could not be loaded: %1</source>
        <translation>تعذّر تحميل السجلات: %1</translation>
    </message>
</context>
<context>
    <name>Logs</name>
    <message>
        <location line="-53"/>
        <source>You are signed out.</source>
        <translation>لقد سجّلت الخروج.</translation>
    </message>
</context>
<context>
    <name>LogsModel</name>
    <message>
        <location filename="../ui/logs_view.py" line="+181"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>الوكيل</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Incoming</source>
        <translation>واردة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outgoing</source>
        <translation>صادرة</translation>
    </message>
</context>
<context>
    <name>LogsView</name>
    <message>
        <location line="+130"/>
        <source>All directions</source>
        <translation>كل الاتجاهات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming</source>
        <translation>واردة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing</source>
        <translation>صادرة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show incoming, outgoing or all messages</source>
        <translation>عرض الرسائل الواردة أو الصادرة أو كلها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number or part of it</source>
        <translation>الرقم أو جزء منه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer number</source>
        <translation>رقم العميل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A complete number is searched on the server; part of one filters the list</source>
        <translation>يُبحث عن الرقم الكامل في الخادم؛ وجزء من الرقم يصفّي القائمة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Number:</source>
        <translation>ال&amp;رقم:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number filter error</source>
        <translation>خطأ في تصفية الرقم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the number filter is not applied</source>
        <translation>سبب عدم تطبيق تصفية الرقم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All countries</source>
        <translation>كل البلدان</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only messages of one country</source>
        <translation>عرض رسائل بلد واحد فقط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;تصدير CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to CSV</source>
        <translation>تصدير إلى CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves the loaded rows, all columns, to a CSV file</source>
        <translation>يحفظ الصفوف المحمّلة بكل أعمدتها في ملف CSV</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Message logs</source>
        <translation>سجلات الرسائل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a column header to sort by it</source>
        <translation>انقر على عنوان عمود للترتيب حسبه</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Type digits only, e.g. +44 7911 123456 or part of a number.</source>
        <translation>اكتب أرقامًا فقط، مثل ‎+44 7911 123456 أو جزءًا من رقم.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Export logs</source>
        <translation>تصدير السجلات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="+71"/>
        <location line="+1"/>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Views</source>
        <translation>طرق العرض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Conversation</source>
        <translation>ال&amp;محادثة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scheduled</source>
        <translation>م&amp;جدولة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Logs</source>
        <translation>ال&amp;سجلات</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>New message</source>
        <translation>رسالة جديدة</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <location filename="../ui/media.py" line="+131"/>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Image too large to preview</source>
        <translation>الصورة أكبر من أن تُعاين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot show this image</source>
        <translation>تعذّر عرض هذه الصورة</translation>
    </message>
    <message>
        <location line="+356"/>
        <source>Cannot play this attachment</source>
        <translation>تعذّر تشغيل هذا المرفق</translation>
    </message>
</context>
<context>
    <name>MediaController</name>
    <message>
        <location filename="../ui/window_media.py" line="+30"/>
        <source>Save the attachment in</source>
        <translation>حفظ المرفق في</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attachment was not saved: %1</source>
        <translation>لم يُحفظ المرفق: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The attachment could not be loaded: %1</source>
        <translation>تعذّر تحميل المرفق: %1</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <location filename="../ui/new_conversation.py" line="+62"/>
        <source>Type the customer&apos;s phone number.</source>
        <translation>اكتب رقم هاتف العميل.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A phone number has only digits (and a + in front).</source>
        <translation>يتكون رقم الهاتف من أرقام فقط (مع + في أوله).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not a phone number.</source>
        <translation>هذا ليس رقم هاتف.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown country code +%1.</source>
        <translation>رمز بلد غير معروف: ‎+%1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a valid number for %1.</source>
        <translation>ليس رقمًا صالحًا في %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+1"/>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a conversation with a phone number</source>
        <translation>بدء محادثة مع رقم هاتف</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phone number</source>
        <translation>رقم الهاتف</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer&apos;s number; start with + for another country</source>
        <translation>رقم العميل؛ ابدأ بعلامة + لبلد آخر</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number check</source>
        <translation>التحقق من الرقم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the number is valid</source>
        <translation>ما إذا كان الرقم صالحًا</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number the message is sent from</source>
        <translation>الرقم الذي تُرسل منه الرسالة</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation>&amp;بدء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start conversation</source>
        <translation>بدء المحادثة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled when the number is valid</source>
        <translation>يُفعَّل عندما يكون الرقم صالحًا</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without starting a conversation</source>
        <translation>إغلاق دون بدء محادثة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Number:</source>
        <translation>ال&amp;رقم:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From:</source>
        <translation>&amp;من:</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../ui/notifications.py" line="+188"/>
        <source>&amp;Open zvdesk</source>
        <translation>&amp;فتح zvdesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;عدم الإزعاج</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>إ&amp;نهاء</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>zvdesk</source>
        <translation>zvdesk</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
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
        <location filename="../ui/composer_options.py" line="+33"/>
        <source>Flash</source>
        <translation>فلاش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash SMS: shown at once and not stored</source>
        <translation>رسالة فلاش: تظهر فورًا ولا تُخزَّن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash SMS</source>
        <translation>رسالة فلاش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sends as a flash message, shown at once and not stored by the phone; some phones ignore it</source>
        <translation>يرسلها كرسالة فلاش تظهر فورًا ولا يخزّنها الهاتف؛ بعض الهواتف تتجاهلها</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none</source>
        <translation>بلا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validity period</source>
        <translation>مدة الصلاحية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validity period in minutes</source>
        <translation>مدة الصلاحية بالدقائق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long the network keeps trying to deliver, 0 to 14400 minutes; none for the network&apos;s default</source>
        <translation>المدة التي تواصل فيها الشبكة محاولة التسليم، من 0 إلى 14400 دقيقة؛ «بلا» لاستخدام القيمة الافتراضية للشبكة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send from</source>
        <translation>الإرسال من</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number the message is sent from</source>
        <translation>الرقم الذي تُرسل منه الرسالة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Senders</source>
        <translation>المُرسِلون</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="__init__.py" line="+105"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../ui/switcher.py" line="+196"/>
        <source>Go to conversation</source>
        <translation>الانتقال إلى محادثة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick switcher</source>
        <translation>المبدّل السريع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a conversation by name or number</source>
        <translation>البحث عن محادثة بالاسم أو الرقم</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching conversations; Enter opens one</source>
        <translation>المحادثات المطابقة؛ Enter لفتح إحداها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name or number</source>
        <translation>الاسم أو الرقم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation name or number</source>
        <translation>اسم المحادثة أو رقمها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type to filter; Up and Down choose, Enter opens, Escape closes</source>
        <translation>اكتب للتصفية؛ السهمان لأعلى ولأسفل للاختيار، وEnter للفتح، وEscape للإغلاق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conversation matches.</source>
        <translation>لا توجد محادثة مطابقة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No matches</source>
        <translation>لا توجد نتائج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown when nothing matches the text typed</source>
        <translation>يظهر عندما لا يطابق شيء النص المكتوب</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../ui/composer_schedule.py" line="+76"/>
        <source>Scheduled date and time</source>
        <translation>التاريخ والوقت المجدولان</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When to send, as year-month-day hours:minutes:seconds in the chosen time zone</source>
        <translation>موعد الإرسال بصيغة سنة-شهر-يوم ساعات:دقائق:ثوانٍ في المنطقة الزمنية المختارة</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+8"/>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The time zone of the scheduled time; type part of a name to search</source>
        <translation>المنطقة الزمنية للوقت المجدول؛ اكتب جزءًا من اسم للبحث</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time zones</source>
        <translation>المناطق الزمنية</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customer&apos;s local time</source>
        <translation>التوقيت المحلي للعميل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer&apos;s morning (9:00)</source>
        <translation>صباح العميل (9:00)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s morning</source>
        <translation>صباح العميل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedules the message for the customer&apos;s next 9:00 local time</source>
        <translation>يجدول الرسالة للساعة 9:00 القادمة بالتوقيت المحلي للعميل</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Customer&apos;s local time: choose a valid time zone</source>
        <translation>التوقيت المحلي للعميل: اختر منطقة زمنية صالحة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer&apos;s local time: {time} ({zone})</source>
        <translation>التوقيت المحلي للعميل: {time} ({zone})</translation>
    </message>
</context>
<context>
    <name>ScheduledModel</name>
    <message>
        <location filename="../ui/scheduled_view.py" line="-164"/>
        <source>Scheduled for</source>
        <translation>موعد الإرسال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Your time: %1</source>
        <translation>توقيتك: %1</translation>
    </message>
</context>
<context>
    <name>ScheduledView</name>
    <message>
        <location line="+195"/>
        <source>Filter by customer, number or text</source>
        <translation>التصفية حسب العميل أو الرقم أو النص</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter scheduled messages</source>
        <translation>تصفية الرسائل المجدولة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows messages containing every word typed, in any column</source>
        <translation>يعرض الرسائل التي تحتوي على كل كلمة مكتوبة في أي عمود</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search:</source>
        <translation>&amp;بحث:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scheduled messages</source>
        <translation>الرسائل المجدولة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Enter or double-click to open the conversation</source>
        <translation>اضغط Enter أو انقر نقرًا مزدوجًا لفتح المحادثة</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../ui/shortcuts.py" line="+228"/>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A list of the keyboard shortcuts of zvdesk</source>
        <translation>قائمة باختصارات لوحة المفاتيح في zvdesk</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>Search shortcuts</source>
        <translation>البحث في الاختصارات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters the list by action or keys</source>
        <translation>يصفّي القائمة حسب الإجراء أو المفاتيح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find:</source>
        <translation>&amp;بحث:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Shortcuts</source>
        <translation>الاختصارات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each row: an action, its keys and where</source>
        <translation>كل صف: إجراء ومفاتيحه ومكان عمله</translation>
    </message>
</context>
<context>
    <name>ShortcutTableModel</name>
    <message>
        <location line="-51"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>المكان</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location line="-124"/>
        <source>Navigation</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application</source>
        <translation>التطبيق</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jump to a conversation (quick switcher)</source>
        <translation>الانتقال إلى محادثة (المبدّل السريع)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a new conversation</source>
        <translation>بدء محادثة جديدة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search messages</source>
        <translation>البحث في الرسائل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous conversation</source>
        <translation>المحادثة السابقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next conversation</source>
        <translation>المحادثة التالية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous unread conversation</source>
        <translation>المحادثة غير المقروءة السابقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next unread conversation</source>
        <translation>المحادثة غير المقروءة التالية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the message</source>
        <translation>إرسال الرسالة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New line in the message</source>
        <translation>سطر جديد في الرسالة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach a file</source>
        <translation>إرفاق ملف</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule the message</source>
        <translation>جدولة الرسالة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show keyboard shortcuts</source>
        <translation>عرض اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open settings</source>
        <translation>فتح الإعدادات</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../ui/window_sidebar.py" line="+43"/>
        <source>Conversation list</source>
        <translation>قائمة المحادثات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search (Ctrl+F)</source>
        <translation>بحث (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search conversations</source>
        <translation>البحث في المحادثات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches names, numbers and message text</source>
        <translation>يبحث في الأسماء والأرقام ونص الرسائل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New conversation (Ctrl+N)</source>
        <translation>محادثة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New conversation</source>
        <translation>محادثة جديدة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender number</source>
        <translation>رقم المُرسِل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the conversations of one number</source>
        <translation>يعرض محادثات رقم واحد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All numbers</source>
        <translation>كل الأرقام</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search status</source>
        <translation>حالة البحث</translation>
    </message>
</context>
<context>
    <name>SwitcherModel</name>
    <message numerus="yes">
        <location filename="../ui/switcher.py" line="-38"/>
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
        <location filename="../ui/statusbar.py" line="+64"/>
        <source>Sync state icon</source>
        <translation>أيقونة حالة المزامنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A picture of the sync state</source>
        <translation>صورة تمثّل حالة المزامنة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync state</source>
        <translation>حالة المزامنة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether zvdesk is connected</source>
        <translation>ما إذا كان zvdesk متصلًا</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection and synchronisation status</source>
        <translation>حالة الاتصال والمزامنة</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>last synced just now</source>
        <translation>آخر مزامنة الآن</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
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
        <location line="+8"/>
        <source>last synced %1</source>
        <translation>آخر مزامنة: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Syncing %1 of %2…</source>
        <translation>جارٍ مزامنة %1 من %2…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out</source>
        <translation>تم تسجيل الخروج</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sync status: %1</source>
        <translation>حالة المزامنة: %1</translation>
    </message>
</context>
</TS>
